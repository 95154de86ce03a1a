package index

import (
	"encoding/binary"
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"

	"newsgraph/schema"
)

// Value keys: one kind byte and the value. Nodes (IRIs, blank nodes) and
// strings are stored as they are; other literals in Cayley's protobuf
// form.
const (
	kindIRI   = 'I'
	kindBNode = 'B'
	kindStr   = 'S'
	kindOther = 'X'
)

func valueKey(v quad.Value) ([]byte, error) {
	switch v := v.(type) {
	case quad.IRI:
		return append([]byte{kindIRI}, v...), nil
	case quad.BNode:
		return append([]byte{kindBNode}, v...), nil
	case quad.String:
		return append([]byte{kindStr}, v...), nil
	case nil:
		return nil, errors.New("nil value")
	}
	b, err := pquads.MarshalValue(v)
	if err != nil {
		return nil, err
	}
	return append([]byte{kindOther}, b...), nil
}

func decodeValue(k []byte) (quad.Value, error) {
	if len(k) == 0 {
		return nil, errors.New("empty value key")
	}
	switch k[0] {
	case kindIRI:
		return quad.IRI(k[1:]), nil
	case kindBNode:
		return quad.BNode(k[1:]), nil
	case kindStr:
		return quad.String(k[1:]), nil
	case kindOther:
		return pquads.UnmarshalValue(k[1:])
	}
	return nil, errors.New("unknown value kind")
}

// isNode tells whether a value is stored by id (IRIs, blank nodes).
func isNode(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.BNode:
		return true
	}
	return false
}

func putID(b []byte, id uint32) []byte { return binary.BigEndian.AppendUint32(b, id) }
func getID(b []byte) uint32            { return binary.BigEndian.Uint32(b) }

// Object tags in fact keys.
const (
	tagNode = 0x00
	tagLit  = 0x01
)

// noDate stands for "no date" in posting keys: after every date.
const noDate = 0xFF

// dated appends date' (see the bucket layout) to b.
func dated(b []byte, date string) []byte {
	if date == "" {
		b = append(b, noDate)
	} else {
		b = append(b, date...)
	}
	return append(b, 0)
}

// splitDated reads date' and the id that ends a posting key.
func splitDated(k []byte) (date string, id uint32) {
	d := k[:len(k)-5]
	if len(d) == 1 && d[0] == noDate {
		d = nil
	}
	return string(d), getID(k[len(k)-4:])
}

// inverted is ^n: counts sorting high first.
func inverted(b []byte, n int) []byte {
	return binary.BigEndian.AppendUint32(b, ^uint32(n))
}

// encodeLinks encodes a statement's speakers and mentions (the value of
// its entries in the lists by speaker and about an entity): the number
// of speakers, then the ids.
func encodeLinks(speakers, mentions []uint32) []byte {
	b := binary.AppendUvarint(nil, uint64(len(speakers)))
	for _, id := range speakers {
		b = putID(b, id)
	}
	for _, id := range mentions {
		b = putID(b, id)
	}
	return b
}

func decodeLinks(b []byte) (speakers, mentions []uint32, err error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || (len(b)-k)%4 != 0 || uint64(len(b)-k)/4 < n {
		return nil, nil, errors.New("damaged statement links")
	}
	b = b[k:]
	for i := 0; len(b) > 0; i++ {
		if uint64(i) < n {
			speakers = append(speakers, getID(b))
		} else {
			mentions = append(mentions, getID(b))
		}
		b = b[4:]
	}
	return speakers, mentions, nil
}

// EntityRecord is what the index knows about one entity: its names and
// counts.
type EntityRecord struct {
	IRI  quad.IRI
	Type string // Person, Country, Organization, Agreement, Location, Event or Thing
	Name string // canonical name: the fullest schema:name (see BetterName)
	// Aliases are its alternate names, sorted, without the canonical
	// name or repeats (up to NameKey).
	Aliases []string
	// OtherNames are the schema:name values other than the canonical
	// name that are not aliases.
	OtherNames []string
	// Keys are the NameKeys of Name and of each alias, in that order.
	Keys            []string
	Articles        int // articles that mention it
	StatementsBy    int // statements it made
	StatementsAbout int // statements that mention it
}

func (e *EntityRecord) encode() []byte {
	var b []byte
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	strs := func(ss []string) {
		b = binary.AppendUvarint(b, uint64(len(ss)))
		for _, s := range ss {
			str(s)
		}
	}
	str(string(e.IRI))
	str(e.Type)
	str(e.Name)
	strs(e.Aliases)
	strs(e.OtherNames)
	strs(e.Keys)
	b = binary.AppendUvarint(b, uint64(e.Articles))
	b = binary.AppendUvarint(b, uint64(e.StatementsBy))
	b = binary.AppendUvarint(b, uint64(e.StatementsAbout))
	return b
}

var errRecord = errors.New("damaged entity record")

// decodeEntityHead reads only an entity record's IRI, type and name.
func decodeEntityHead(b []byte) (iri quad.IRI, typ, name string, err error) {
	var s [3]string
	for i := range s {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return "", "", "", errRecord
		}
		s[i], b = string(b[k:k+int(n)]), b[k+int(n):]
	}
	return quad.IRI(s[0]), s[1], s[2], nil
}

func decodeEntity(b []byte) (*EntityRecord, error) {
	var err error
	num := func() int {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			err = errRecord
			return 0
		}
		b = b[n:]
		return int(v)
	}
	str := func() string {
		n := num()
		if err != nil || n > len(b) {
			err = errRecord
			return ""
		}
		s := string(b[:n])
		b = b[n:]
		return s
	}
	strs := func() []string {
		n := num()
		if err != nil || n > len(b) {
			err = errRecord
			return nil
		}
		out := make([]string, 0, n)
		for i := 0; i < n && err == nil; i++ {
			out = append(out, str())
		}
		return out
	}
	e := &EntityRecord{}
	e.IRI = quad.IRI(str())
	e.Type = str()
	e.Name = str()
	e.Aliases = strs()
	e.OtherNames = strs()
	e.Keys = strs()
	e.Articles = num()
	e.StatementsBy = num()
	e.StatementsAbout = num()
	return e, err
}

// NameKey folds a name for comparison: schema.Normalize, then without
// case and diacritics. Names are looked up by it.
func NameKey(s string) string { return schema.Fold(schema.Normalize(s)) }

// PhoneticKeys returns the phonetic key (schema.PhoneticKey) of each word
// of a name's NameKey, skipping words without one.
func PhoneticKeys(s string) []string {
	var out []string
	for _, w := range strings.Fields(NameKey(s)) {
		if k := schema.PhoneticKey(w); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// BetterName is schema.BetterName.
func BetterName(name, cur string) bool { return schema.BetterName(name, cur) }

// Aliases returns the distinct other names of an entity, sorted: names
// whose NameKey is empty, the canonical name's or an earlier one's are
// left out.
func Aliases(canonical string, names []string) []string {
	return aliases(canonical, names, NameKey)
}

func aliases(canonical string, names []string, key func(string) string) []string {
	seen := map[string]bool{key(canonical): true}
	out := []string{}
	names = append([]string(nil), names...)
	sort.Strings(names)
	for _, n := range names {
		k := key(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// FallbackName is the name of a node that has none: the last segment of
// its IRI.
func FallbackName(iri quad.IRI) string {
	s := string(iri)
	return s[strings.LastIndexByte(s, '/')+1:]
}

// Node kinds, told apart by the IRI layout schema gives them.
func IsStatement(iri quad.IRI) bool { return strings.HasPrefix(string(iri), schema.Base+"statement/") }
func IsArticle(iri quad.IRI) bool   { return strings.HasPrefix(string(iri), schema.Base+"article/") }
func IsRole(iri quad.IRI) bool      { return strings.HasPrefix(string(iri), schema.Base+"role/") }

// TypeFromIRI reads an entity's type off its IRI (schema.EntityIRI puts
// it in the path); "" when the IRI does not have that layout.
func TypeFromIRI(iri quad.IRI) string {
	if !strings.HasPrefix(string(iri), schema.Base) {
		return ""
	}
	seg, _, ok := strings.Cut(strings.TrimPrefix(string(iri), schema.Base), "/")
	if !ok {
		return ""
	}
	switch seg {
	case "person":
		return schema.TypePerson
	case "country":
		return schema.TypeCountry
	case "organization":
		return schema.TypeOrganization
	case "agreement":
		return schema.TypeAgreement
	case "place":
		return schema.TypeLocation
	case "event":
		return schema.TypeEvent
	case "thing":
		return "Thing"
	}
	return ""
}

// typeCode numbers the entity types for the per-type pair ranking; 0 for
// nodes that are no entities by their IRI.
func typeCode(t string) byte {
	for i, n := range entityTypeNames {
		if n == t {
			return byte(i + 1)
		}
	}
	return 0
}

var entityTypeNames = []string{schema.TypePerson, schema.TypeCountry, schema.TypeOrganization,
	schema.TypeAgreement, schema.TypeLocation, schema.TypeEvent, "Thing"}

// StatementLess orders statement IRIs by article, then by number (the
// order statements of one date are listed in).
func StatementLess(a, b quad.IRI) bool {
	pa, na := splitStatementIRI(a)
	pb, nb := splitStatementIRI(b)
	if pa != pb {
		return pa < pb
	}
	return na < nb
}

func splitStatementIRI(iri quad.IRI) (string, int) {
	s := string(iri)
	i := strings.LastIndexByte(s, '/')
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return s, 0
	}
	return s[:i], n
}
