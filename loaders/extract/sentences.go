package extract

import (
	"strings"
)

// sentenceStarters are capitalised words that, after an abbreviation with a
// period ("U.S.", "Inc."), show that a new sentence began.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "this": true, "that": true, "these": true, "those": true, "in": true,
	"on": true, "at": true, "but": true, "and": true, "or": true, "so": true, "if": true,
	"when": true, "while": true, "after": true, "before": true, "as": true, "his": true,
	"her": true, "their": true, "its": true, "there": true, "what": true, "why": true,
	"how": true, "however": true, "meanwhile": true, "for": true, "since": true, "some": true,
	"many": true, "officials": true, "analysts": true, "according": true, "last": true,
}

// splitSentences groups tokens into sentences and sets Token.Sent and
// Token.Para. A sentence ends at . ! ? (with any closing quotes and
// brackets that follow) before a capitalised word, a digit, an opening
// quote or the end; and always at a paragraph break.
func splitSentences(d *Doc) {
	toks := d.Tokens
	d.Sentences = d.Sentences[:0]
	start := 0
	para := -1
	for i := range toks {
		if toks[i].ParaBefore {
			para++
			if i > start {
				d.Sentences = append(d.Sentences, Sentence{Start: start, End: i})
				start = i
			}
		}
		toks[i].Para = max(para, 0)
		if i < start {
			continue
		}
		if !endsSentence(toks, i) {
			continue
		}
		if toks[i].Kind == Word && (i == start || wireCapital(toks, i)) {
			// "U.S. Officials have said" opening a paragraph, wire copy's
			// "warned the U.S. And other countries": no sentence ends at
			// the abbreviation.
			continue
		}
		// Attach closing quotes and brackets to this sentence.
		end := i + 1
		for end < len(toks) && !toks[end].ParaBefore && (toks[end].Kind == QuoteClose ||
			(toks[end].Kind == QuoteAmbig && !toks[end].SpaceBefore) ||
			(toks[end].Kind == Punct && (toks[end].Text == ")" || toks[end].Text == "]"))) {
			end++
		}
		if end >= len(toks) || toks[end].ParaBefore || startsSentence(&toks[end]) {
			for j := i + 1; j < end; j++ {
				toks[j].Para = max(para, 0)
			}
			d.Sentences = append(d.Sentences, Sentence{Start: start, End: end})
			start = end
		}
	}
	if start < len(toks) {
		d.Sentences = append(d.Sentences, Sentence{Start: start, End: len(toks)})
	}
	for s := range d.Sentences {
		for i := d.Sentences[s].Start; i < d.Sentences[s].End; i++ {
			toks[i].Sent = s
		}
	}
}

// endsSentence tells whether token i may end a sentence.
func endsSentence(toks []Token, i int) bool {
	t := &toks[i]
	switch t.Kind {
	case Punct:
		switch t.Text {
		case ".", "!", "?", "...", "…":
			// A period glued to a following word is inside it
			// ("D-N.Y", "example.com").
			if t.Text == "." && i+1 < len(toks) && !toks[i+1].SpaceBefore && toks[i+1].Kind == Word {
				return false
			}
			return true
		}
		return false
	case Word:
		if !strings.HasSuffix(t.Text, ".") {
			return false
		}
		// "U.S." or "Inc." may end a sentence when a typical sentence
		// opener follows; titles (Mr., Gen.) and initials (J.) never do.
		w := strings.ToLower(strings.TrimSuffix(t.Text, "."))
		if w == "no" {
			// "No. 10" numbers; "He said no. She left." ends.
			return i+1 < len(toks) && toks[i+1].Kind != Number && (toks[i+1].ParaBefore || toks[i+1].Cap && sentenceStarters[toks[i+1].Lower])
		}
		if titleAbbreviations[w] || len([]rune(w)) == 1 {
			return false
		}
		if i+1 < len(toks) {
			n := &toks[i+1]
			return n.ParaBefore || (n.Cap && sentenceStarters[n.Lower])
		}
		return true
	}
	return false
}

// wireCapital tells whether the word after an abbreviation at i is a
// function word that wire copy capitalises after "U.S." ("U.S. And
// other countries", "the U.S. Would do"): a conjunction or auxiliary
// before a lower-case word.
func wireCapital(toks []Token, i int) bool {
	if i+2 >= len(toks) {
		return false
	}
	n, nn := &toks[i+1], &toks[i+2]
	switch n.Lower {
	case "and", "or", "would", "was", "is", "has", "had", "will", "were", "are", "to", "of", "for", "with", "by", "concern":
		return n.Cap && !n.ParaBefore && nn.Kind == Word && !nn.Cap
	}
	return false
}

func startsSentence(t *Token) bool {
	switch t.Kind {
	case Word:
		return t.Cap || !isLetterStart(t.Text)
	case Number, QuoteOpen, QuoteAmbig:
		return true
	case Punct:
		return t.Text == "(" || t.Text == "[" || t.Text == "—" || t.Text == "-"
	}
	return false
}

func isLetterStart(s string) bool {
	for _, c := range s {
		return isLetter(c)
	}
	return false
}

// unwrapLines clears LineBefore on the line breaks of hard-wrapped prose
// (wire copy broken at a fixed width, "Systems Inc said it\nis offering"):
// there a line break is a space, and names, titles and sentences run
// across it. A text is hard-wrapped when most lines inside its paragraphs
// are of a similar length (35 to 100 characters) and most of them end in
// the middle of a sentence. Paragraph breaks are kept.
func unwrapLines(d *Doc) {
	toks := d.Tokens
	inner, wrapped, open := 0, 0, 0
	lineStart := 0 // byte offset where the current line starts
	for i := range toks {
		t := &toks[i]
		if !t.LineBefore {
			continue
		}
		// The line that ends before token i.
		if i > 0 && !t.ParaBefore {
			inner++
			n := runeCount(strings.TrimSpace(d.Text[lineStart:toks[i-1].End]))
			if n >= 35 && n <= 100 {
				wrapped++
			}
			if p := &toks[i-1]; !endsSentence(toks, i-1) && p.Kind != QuoteClose && !(p.Kind == Punct && p.Text == ":") {
				open++
			}
		}
		lineStart = t.Start
	}
	if inner < 3 || wrapped*10 < inner*7 || open*2 < inner {
		return
	}
	for i := range toks {
		if toks[i].LineBefore && !toks[i].ParaBefore {
			toks[i].LineBefore = false
		}
	}
}
