package extract

// quoteSpan is one quotation: its opening mark is token Open and the quoted
// words are tokens [Open+1, Close). Close is the closing mark's index, or,
// for a quotation left open at a paragraph's end, the index of the first
// token of the next paragraph.
type quoteSpan struct {
	Open, Close int
	Closed      bool // a closing mark ends it
	// Cont is true when the quotation continues the previous one across a
	// paragraph break: the previous paragraph ended with the quotation
	// still open and this one starts with a new opening mark.
	Cont bool
}

// quoteFamily groups marks that pair with each other: double (" “ ” „ «
// » ” “) or single (' ‘ ’ ‚ ‹ ›).
func quoteFamily(t *Token) byte {
	switch t.Text {
	case "'", "‘", "’", "‚", "‹", "›":
		return 1
	}
	return 2
}

// findQuotes pairs the quotation marks of a document. Double marks are
// paired first-come: an opening mark (or a straight mark while none is
// open) opens, a closing mark (or a straight mark while one is open)
// closes; a closing mark with nothing open is a stray and ignored. A
// quotation still open at a paragraph's end continues into the next
// paragraph when that one starts with an opening mark (the convention for
// quotes running over several paragraphs); otherwise it ends there. Single
// marks make a quotation only outside double ones, when they pair within
// the paragraph; inside double quotes they are quotes within the quote.
func findQuotes(d *Doc) []quoteSpan {
	var spans []quoteSpan
	toks := d.Tokens
	open := -1 // token of the open double quotation, -1 when none
	cont := false
	single := -1 // token of an open single quotation outside double ones
	for i := range toks {
		t := &toks[i]
		if t.ParaBefore && i > 0 {
			single = -1
			if open >= 0 {
				spans = append(spans, quoteSpan{Open: open, Close: i, Cont: cont})
				open = -1
				cont = false
				if (t.Kind == QuoteOpen || t.Kind == QuoteAmbig) && quoteFamily(t) == 2 {
					open, cont = i, true
					continue
				}
			}
		}
		if !t.IsQuote() {
			continue
		}
		if quoteFamily(t) == 1 {
			if open >= 0 {
				continue // a quote within the quote
			}
			switch {
			case single < 0 && (t.Kind == QuoteOpen || t.Kind == QuoteAmbig):
				single = i
			case single >= 0 && (t.Kind == QuoteClose || t.Kind == QuoteAmbig):
				spans = append(spans, quoteSpan{Open: single, Close: i, Closed: true})
				single = -1
			}
			continue
		}
		switch {
		case open < 0 && (t.Kind == QuoteOpen || t.Kind == QuoteAmbig):
			open, cont = i, false
			single = -1
		case open >= 0 && (t.Kind == QuoteClose || t.Kind == QuoteAmbig):
			spans = append(spans, quoteSpan{Open: open, Close: i, Closed: true, Cont: cont})
			open, cont = -1, false
		}
		// An opening mark inside an open quotation, or a closing mark
		// with none open, is a typing slip: ignored.
	}
	if open >= 0 {
		spans = append(spans, quoteSpan{Open: open, Close: len(toks), Cont: cont})
	}
	// Spans are appended at their close; order them by opening mark.
	// (Single quotations close before a later double one opens, so only
	// adjacent swaps can be needed.)
	for k := 1; k < len(spans); k++ {
		for j := k; j > 0 && spans[j].Open < spans[j-1].Open; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	return spans
}

// quoteIndex maps every token of a quotation, marks included, to the index
// of its span; -1 elsewhere.
func quoteIndex(n int, spans []quoteSpan) []int32 {
	idx := make([]int32, n)
	for i := range idx {
		idx[i] = -1
	}
	for k, q := range spans {
		end := q.Close
		if q.Closed {
			end++
		}
		for i := q.Open; i < end && i < n; i++ {
			idx[i] = int32(k)
		}
	}
	return idx
}
