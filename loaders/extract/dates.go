package extract

import (
	"strings"
	"time"
)

// Statement dates. The date of a statement is read from its attribution
// (the words around the cue, not the claim: "said on Friday that ...",
// "On Tuesday, X told ...") and resolved against the publication date:
//
//	"today", "tonight", "this morning"       the publication date
//	"yesterday", "last night"                the day before
//	"Friday", "on Friday"                    the latest Friday on or before it
//	"last Friday"                            the latest Friday before it
//	"last week" / "earlier this week"        Monday of the week before / of its week
//	"last month" / "earlier this month"      the first of the month before / of its month
//	"June 5", "on June 5, 2017", "5 June"    that day; without a year, the latest one
//	                                         on or before the publication date
//
// Without a publication date only dates with a year resolve.

// monthIndex returns 1..12 for a month name or abbreviation, 0 otherwise.
func monthIndex(w string) int {
	switch strings.TrimSuffix(w, ".") {
	case "january", "jan":
		return 1
	case "february", "feb":
		return 2
	case "march", "mar":
		return 3
	case "april", "apr":
		return 4
	case "may":
		return 5
	case "june", "jun":
		return 6
	case "july", "jul":
		return 7
	case "august", "aug":
		return 8
	case "september", "sep", "sept":
		return 9
	case "october", "oct":
		return 10
	case "november", "nov":
		return 11
	case "december", "dec":
		return 12
	}
	return 0
}

// weekdayIndex returns the time.Weekday of a day name, or -1.
func weekdayIndex(w string) int {
	for i, d := range weekdays {
		if w == d {
			return i
		}
	}
	return -1
}

// dateIn returns the date (YYYY-MM-DD) the tokens [s, e) give, skipping
// tokens [skipS, skipE), or "".
func (d *Doc) dateIn(s, e, skipS, skipE int) string {
	for i := s; i < e; i++ {
		if i >= skipS && i < skipE {
			i = skipE - 1
			continue
		}
		if date, ok := d.dateAt(i, e); ok {
			return date
		}
	}
	return ""
}

// dateAt reads a date expression starting at token i.
func (d *Doc) dateAt(i, e int) (string, bool) {
	t := &d.Tokens[i]
	if t.Kind != Word {
		return "", false
	}
	pub := d.Published
	known := !pub.IsZero()
	next := func(k int) string {
		if k < e {
			return d.Tokens[k].Lower
		}
		return ""
	}
	day := func(tm time.Time) (string, bool) { return tm.Format("2006-01-02"), true }
	switch w := t.Lower; {
	case !known && monthIndex(w) == 0:
		// Only absolute dates can resolve without a publication date.
		return "", false
	case w == "today" || w == "tonight":
		return day(pub)
	case w == "this" && (next(i+1) == "morning" || next(i+1) == "afternoon" || next(i+1) == "evening"):
		return day(pub)
	case w == "yesterday":
		return day(pub.AddDate(0, 0, -1))
	case w == "last" && next(i+1) == "night":
		return day(pub.AddDate(0, 0, -1))
	case w == "last" && weekdayIndex(next(i+1)) >= 0:
		wd := weekdayIndex(next(i + 1))
		back := (int(pub.Weekday()) - wd + 7) % 7
		if back == 0 {
			back = 7
		}
		return day(pub.AddDate(0, 0, -back))
	case weekdayIndex(w) >= 0 && t.Cap:
		// Not part of a name ("Super Tuesday", "Good Friday").
		if i > 0 {
			p := &d.Tokens[i-1]
			if p.Kind == Word && p.Cap && !strings.EqualFold(p.Text, "on") && !strings.EqualFold(p.Text, "late") && !strings.EqualFold(p.Text, "early") {
				return "", false
			}
		}
		back := (int(pub.Weekday()) - weekdayIndex(w) + 7) % 7
		return day(pub.AddDate(0, 0, -back))
	case w == "last" && next(i+1) == "week", w == "this" && next(i+1) == "week", w == "earlier" && next(i+1) == "this" && next(i+2) == "week":
		monday := pub.AddDate(0, 0, -((int(pub.Weekday()) + 6) % 7))
		if w == "last" {
			monday = monday.AddDate(0, 0, -7)
		}
		return day(monday)
	case w == "last" && next(i+1) == "month", w == "this" && next(i+1) == "month", w == "earlier" && next(i+1) == "this" && next(i+2) == "month":
		first := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
		if w == "last" {
			first = first.AddDate(0, -1, 0)
		}
		return day(first)
	case monthIndex(w) > 0 && t.Cap:
		// "June 5", "June 5, 2017"
		if i+1 < e && d.Tokens[i+1].Kind == Number {
			dd := atoiSmall(d.Tokens[i+1].Text)
			year := 0
			if i+3 < e && d.Tokens[i+2].Text == "," && d.Tokens[i+3].Kind == Number {
				year = atoiSmall(d.Tokens[i+3].Text)
			}
			return resolveDay(pub, year, monthIndex(w), dd)
		}
	case t.Kind == Word:
	}
	// "5 June 2017"
	return "", false
}

// resolveDay builds a date from a day and month, with the year given or
// the latest one not after the publication date.
func resolveDay(pub time.Time, year, month, dd int) (string, bool) {
	if dd < 1 || dd > 31 {
		return "", false
	}
	if year < 1000 || year > 9999 {
		if pub.IsZero() {
			return "", false
		}
		year = pub.Year()
		if time.Date(year, time.Month(month), dd, 0, 0, 0, 0, time.UTC).After(pub) {
			year--
		}
	}
	tm := time.Date(year, time.Month(month), dd, 0, 0, 0, 0, time.UTC)
	if tm.Day() != dd {
		return "", false
	}
	return tm.Format("2006-01-02"), true
}

// atoiSmall parses a short decimal number, -1 when it is not one.
func atoiSmall(s string) int {
	if len(s) == 0 || len(s) > 4 {
		return -1
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}
