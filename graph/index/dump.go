package index

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Dump writes a canonical text form of the index, one line per entry,
// sorted, with node ids replaced by the nodes they stand for (the id
// dictionary itself, and the stamp, are left out). Two indexes of the
// same quads dump the same, whatever ids they gave their nodes and
// whatever order the quads came in: tests compare an index kept up to
// date batch by batch with one rebuilt from the quads.
func (ix *Index) Dump(w io.Writer) error {
	return ix.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(rootBucket) == nil {
			return errors.New("no index")
		}
		r := newReader(tx)
		d := dumper{r: r}
		for b := range bucketNames {
			if b == bNodes || b == bVals {
				continue
			}
			if err := d.bucket(b); err != nil {
				return fmt.Errorf("dump %s: %w", bucketNames[b], err)
			}
		}
		sort.Strings(d.lines)
		bw := bufio.NewWriter(w)
		for _, l := range d.lines {
			bw.WriteString(l)
			bw.WriteByte('\n')
		}
		return bw.Flush()
	})
}

type dumper struct {
	r     *Reader
	lines []string
	err   error
}

func (d *dumper) node(id uint32) string {
	v, err := d.r.value(id)
	if err != nil {
		d.err = err
		return "?"
	}
	return v.String()
}

func (d *dumper) add(format string, args ...any) {
	d.lines = append(d.lines, fmt.Sprintf(format, args...))
}

// postingKey splits a posting key: prefix (of n bytes), date, id.
func (d *dumper) posting(k []byte, n int) (string, string) {
	date, id := splitDated(k[n:])
	return date, d.node(id)
}

func (d *dumper) links(v []byte) string {
	sp, ms, err := decodeLinks(v)
	if err != nil {
		d.err = err
		return "?"
	}
	var out []string
	for _, id := range sp {
		out = append(out, "speaker "+d.node(id))
	}
	var mentions []string
	for _, id := range ms {
		mentions = append(mentions, d.node(id))
	}
	sort.Strings(mentions)
	return strings.Join(append(out, mentions...), " ")
}

func (d *dumper) bucket(b int) error {
	name := string(bucketNames[b])
	err := d.r.b[b].ForEach(func(k, v []byte) error {
		switch b {
		case bMeta:
			switch string(k) {
			case string(keyVersion), string(keyTotal):
				n, _ := binary.Uvarint(v)
				d.add("meta %s %d", k, n)
			}
		case bF, bR:
			subject := d.node(getID(k))
			return eachFact(v, b == bR, func(p, node uint32, lit []byte, n int64) error {
				other := ""
				if lit != nil {
					lv, err := decodeValue(lit)
					if err != nil {
						return err
					}
					other = lv.String()
				} else {
					other = d.node(node)
				}
				d.add("%s %s %s %s %d", name, subject, d.node(p), other, n)
				return nil
			})
		case bC:
			n, _ := binary.Uvarint(v)
			d.add("c %s %c %d", d.node(getID(k)), k[4], n)
		case bSD:
			date, st := d.posting(k, 0)
			d.add("sd %q %s %q", date, st, v)
		case bSB, bSA:
			date, st := d.posting(k, 4)
			d.add("%s %s %q %s %s", name, d.node(getID(k)), date, st, d.links(v))
		case bSX:
			act, rest, _ := strings.Cut(string(k), "\x00")
			date, st := d.posting([]byte(rest), 0)
			d.add("sx %q %q %s", act, date, st)
		case bAD:
			date, a := d.posting(k, 0)
			d.add("ad %q %s", date, a)
		case bAM:
			date, a := d.posting(k, 4)
			d.add("am %s %q %s", d.node(getID(k)), date, a)
		case bE:
			e, err := decodeEntity(v)
			if err != nil {
				return err
			}
			d.add("e %s %+v", d.node(getID(k)), *e)
		case bER:
			e, err := decodeEntity(v)
			if err != nil {
				return err
			}
			d.add("er %d %d %q %+v", ^binary.BigEndian.Uint32(k), ^binary.BigEndian.Uint32(k[4:]), k[8:], *e)
		case bSR:
			d.add("sr %d %q %s", ^binary.BigEndian.Uint32(k), k[4:], d.node(getID(v)))
		case bEN, bEP, bEW:
			d.add("%s %q %s %v", name, k[:len(k)-5], d.node(getID(k[len(k)-4:])), v)
		case bP:
			n, _ := binary.Uvarint(v)
			d.add("p %s %s %d", d.node(getID(k)), d.node(getID(k[4:])), n)
		case bPR:
			a, b := d.node(getID(k[4:])), d.node(getID(k[8:]))
			if b < a {
				a, b = b, a
			}
			d.add("pr %d %s %s %v", ^binary.BigEndian.Uint32(k), a, b, v)
		default:
			d.add("%s %q %q", name, k, v)
		}
		return d.err
	})
	if err == nil {
		err = d.err
	}
	return err
}
