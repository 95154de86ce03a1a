package extract

import (
	"strings"

	"newsgraph/schema"
)

// Kinds of organizations, for coreference: "the company said" points back
// to a company, "the union" to a union, "the government" to a country.
// They are read from the gazetteer (intl, gov, party, media, group, ngo,
// ministry) or from the head noun of the name ("Texaco Inc": company).
const (
	orgCompany  = "company"
	orgBank     = "bank"
	orgGov      = "gov"
	orgParty    = "party"
	orgUnion    = "union"
	orgMedia    = "media"
	orgExchange = "exchange"
	orgOther    = "other"
)

// companyHeads end the names of companies: legal forms and the nouns of
// business names.
var companyHeads = words(`inc inc. corp corp. co co. cos cos. ltd ltd. plc llc l.p. lp ag a.g. sa s.a.
nv n.v. kk bv b.v. gmbh spa s.p.a. ab oy asa bhd pty srl sarl corporation incorporated limited company
companies holdings holding industries industrie airlines airways motors securities capital partners
partnership associates investments insurance petroleum steel mining resources foods brands
communications telecom telecommunications systems technologies technology pharmaceuticals consolidated
brothers bros enterprises electric electronics power cement controls records studios pictures
productions ventures management consulting solutions leisure chemicals chemical oil gas energy
refining stores markets manufacturing products international sales auto intl trust bancorp bancshares
financial finance realty properties shipping lines labs laboratories software computers inns
hotels resorts mills paper`)

// bankHeads end the names of banks.
var bankHeads = words(`bank banks bancorp bankers banque banco bancshares`)

// govHeads head the names of public bodies.
var govHeads = words(`ministry ministries department agency agencies commission authority office bureau
council court tribunal police army navy force forces guard government administration parliament
congress senate assembly cabinet secretariat directorate command service reserve treasury`)

// unionHeads head the names of labour unions and federations.
var unionHeads = words(`union unions federation confederation syndicate`)

// orgKindOf classifies an organization by its name's head: the last word,
// or the word before the first "of" ("Bank of Japan").
func orgKindOf(name string) string {
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) == 0 {
		return ""
	}
	head := ws[len(ws)-1]
	for i, w := range ws {
		if (w == "of" || w == "for") && i > 0 {
			head = ws[i-1]
			break
		}
	}
	last := ws[len(ws)-1]
	for _, w := range []string{head, last} {
		w = strings.Trim(w, ",()")
		switch {
		case bankHeads[w]:
			return orgBank
		case w == "exchange" || w == "bourse":
			return orgExchange
		case companyHeads[w]:
			return orgCompany
		case unionHeads[w]:
			return orgUnion
		case w == "party" || w == "caucus":
			return orgParty
		case mediaHeads[w]:
			return orgMedia
		case govHeads[w]:
			return orgGov
		}
	}
	return ""
}

// knownOrgKind maps a gazetteer kind to an organization kind.
func knownOrgKind(k *known) string {
	switch k.kind {
	case kindMedia:
		return orgMedia
	case kindGov, kindMinistry:
		if kk := orgKindOf(k.name); kk == orgBank {
			return orgBank // central banks
		}
		return orgGov
	case "party":
		return orgParty
	case "intl":
		if kk := orgKindOf(k.name); kk == orgBank {
			return orgBank
		}
		return orgGov
	}
	if kk := orgKindOf(k.name); kk != "" {
		return kk // "New York Stock Exchange": an exchange
	}
	if k.kind == "company" {
		return orgCompany
	}
	return orgOther
}

// setOrgKind fills the kind of an organization entity that has none.
func setOrgKind(e *Entity, kind string) {
	if e.Type == schema.TypeOrganization && e.Kind == "" {
		e.Kind = kind
	}
}
