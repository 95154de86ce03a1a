package extract

// Noise: the parts of a body that are not article prose. Editor codes
// ("101/ 211/ 213" after the last sentence), "Read More:" blocks and the
// link title after them, bylines ("By Jane Doe"), reporting credits
// ("Reporting by ...; Editing by ..."), copyright lines, datelines
// ("LONDON (Reuters) -") and agency credits ("Agency/Desk news:"). They
// are marked in Doc.Noise; the agency of a dateline or credit is returned
// so that it becomes the publisher and an Organization mention.

// credit is an agency named by a dateline or credit line: tokens
// [start, end).
type credit struct{ start, end int }

// markNoise fills d.Noise and returns the agencies that credit lines name.
func markNoise(d *Doc) []credit {
	toks := d.Tokens
	if cap(d.Noise) >= len(toks) {
		d.Noise = d.Noise[:len(toks)]
		clear(d.Noise)
	} else {
		d.Noise = make([]bool, len(toks))
	}
	var credits []credit
	mark := func(i, j int) {
		for k := i; k < j && k < len(toks); k++ {
			d.Noise[k] = true
		}
	}
	for ps := 0; ps < len(toks); {
		pe := ps + 1
		for pe < len(toks) && !toks[pe].ParaBefore {
			pe++
		}
		// Lines inside the paragraph.
		for ls := ps; ls < pe; {
			le := ls + 1
			for le < pe && !toks[le].LineBefore {
				le++
			}
			if n := readMore(toks, ls, le); n > 0 {
				mark(ls, le)
				// The related link's title: the next line or paragraph when
				// it is short and not prose.
				if le < len(toks) {
					ne := le + 1
					for ne < len(toks) && !toks[ne].LineBefore {
						ne++
					}
					if linkTitle(toks, le, ne) {
						mark(le, ne)
					}
				}
			} else if byline(toks, ls, le) || copyrightLine(toks, ls, le) {
				mark(ls, le)
			}
			ls = le
		}
		if c, end, ok := dateline(toks, ps, pe); ok {
			mark(ps, end)
			if c.end > c.start {
				for k := c.start; k < c.end; k++ {
					d.Noise[k] = false
				}
				credits = append(credits, c)
			}
		}
		editorCodes(d, ps, pe)
		ps = pe
	}
	return credits
}

// readMore tells whether the line [s, e) starts with a related-links
// marker: "Read More:", "Related:", "See also", "Also read:".
func readMore(toks []Token, s, e int) int {
	if e-s > 12 {
		return 0
	}
	w := func(i int) string {
		if s+i < e {
			return toks[s+i].Lower
		}
		return ""
	}
	n := 0
	switch {
	case w(0) == "read" && (w(1) == "more" || w(1) == "also"):
		n = 2
	case w(0) == "also" && w(1) == "read":
		n = 2
	case w(0) == "see" && w(1) == "also":
		n = 2
	case (w(0) == "related" || w(0) == "recommended") && (w(1) == ":" || w(1) == "articles" || w(1) == "stories" || w(1) == "news" || w(1) == ""):
		n = 1
	case w(0) == "more" && w(1) == ":":
		n = 1
	case w(0) == "click" && w(1) == "here":
		n = 2
	}
	if n == 0 || !toks[s].Cap {
		return 0
	}
	return n
}

// linkTitle tells whether [s, e) looks like the title of a related link:
// short, and without a sentence end followed by more prose.
func linkTitle(toks []Token, s, e int) bool {
	if e-s == 0 || e-s > 20 {
		return false
	}
	for i := s; i < e-1; i++ {
		if t := toks[i].Text; t == "." || t == "!" || t == "?" {
			return false
		}
	}
	return true
}

// byline tells whether a short line is a byline or a reporting credit.
func byline(toks []Token, s, e int) bool {
	i := s
	if i < e && toks[i].Text == "(" {
		i++
	}
	if i >= e {
		return false
	}
	switch toks[i].Lower {
	case "by":
		if e-s > 10 || i+1 >= e || !toks[i+1].Cap || !toks[i].Cap {
			return false
		}
		// No verb-like lower-case words: names, "and", commas, agencies.
		for k := i + 1; k < e; k++ {
			t := &toks[k]
			if t.Kind == Word && !t.Cap && t.Lower != "and" && t.Lower != "in" && !nameParticles[t.Lower] {
				return false
			}
		}
		return true
	case "reporting", "writing", "editing", "additional":
		if !toks[i].Cap {
			return false
		}
		for k := i + 1; k < e && k < i+4; k++ {
			if toks[k].Lower == "by" {
				return true
			}
		}
	}
	return false
}

func copyrightLine(toks []Token, s, e int) bool {
	if toks[s].Text == "©" || (toks[s].Lower == "copyright" && toks[s].Cap) {
		return true
	}
	return e-s <= 5 && toks[s].Lower == "all" && s+2 < e && toks[s+1].Lower == "rights" && toks[s+2].Lower == "reserved"
}

func isDash(t *Token) bool {
	switch t.Text {
	case "-", "—", "–", "--":
		return true
	}
	return false
}

// dateline recognises a paragraph-initial dateline or credit and returns
// the agency it names (empty when none) and the end of the noise:
//
//	LONDON (Reuters) -          WASHINGTON, Jan 5 (AP) —
//	Tehran (IP) -               Agency/Desk news:        Agency news:
func dateline(toks []Token, s, e int) (credit, int, bool) {
	// "X/Y news:" or "X news:".
	for k := s + 1; k < e && k < s+10; k++ {
		if toks[k].Lower == "news" && k+1 < e && toks[k+1].Text == ":" {
			// X: capitalised words from s up to "/" or "news".
			x := s
			for x < k && toks[x].Kind == Word && toks[x].Cap {
				x++
			}
			if x == s {
				break
			}
			if x < k && toks[x].Text != "/" {
				break
			}
			for m := x + 1; m < k; m++ {
				if toks[m].Kind != Word || !toks[m].Cap {
					return credit{}, 0, false
				}
			}
			if x == k {
				// "Iran Press news:" is the agency itself with "news".
				return credit{s, k}, k + 2, true
			}
			return credit{s, x}, k + 2, true
		}
	}
	// Place, optional date, optional (Agency), dash.
	i := s
	for i < e && i < s+5 && toks[i].Kind == Word && toks[i].Cap {
		i++
	}
	if i == s {
		return credit{}, 0, false
	}
	allUpper := true
	for k := s; k < i; k++ {
		if !toks[k].Upper && len(toks[k].Text) > 1 {
			allUpper = false
		}
	}
	// Optional ", Month Day" or ", Month Day, Year".
	if i < e && toks[i].Text == "," {
		j := i + 1
		for j < e && j < i+6 && (toks[j].Kind == Number || toks[j].Kind == Word && toks[j].Cap || toks[j].Text == ",") {
			j++
		}
		if j > i+1 {
			i = j
		}
	}
	var c credit
	if i+2 < e && toks[i].Text == "(" {
		j := i + 1
		for j < e && j < i+6 && toks[j].Text != ")" {
			j++
		}
		if j < e && toks[j].Text == ")" && j > i+1 {
			c = credit{i + 1, j}
			i = j + 1
		}
	}
	if i < e && isDash(&toks[i]) && (allUpper || c.end > c.start) {
		return c, i + 1, true
	}
	return credit{}, 0, false
}

// editorCodes marks a trailing run of numbers and slashes after a
// paragraph's last sentence ("101/ 211/ 213").
func editorCodes(d *Doc, s, e int) {
	toks := d.Tokens
	i := e
	nums := 0
	for i > s {
		t := &toks[i-1]
		if t.Kind == Number {
			nums++
		} else if t.Text != "/" && t.Text != "," && t.Text != "|" {
			break
		}
		i--
	}
	if nums < 2 {
		return
	}
	if i > s {
		switch toks[i-1].Text {
		case ".", "!", "?", "”", "\"", "’":
		default:
			return
		}
	}
	for k := i; k < e; k++ {
		d.Noise[k] = true
	}
}
