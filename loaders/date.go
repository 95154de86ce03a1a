package loaders

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// digitLayouts and letterLayouts are the day-precision layouts ParseDate tries after
// normalising the value (weekday, commas, ordinal suffixes and
// abbreviation dots removed); times and zones after the date are cut off
// by trying ever shorter prefixes.
var (
	digitLayouts  = []string{"2-Jan-2006", "2 Jan 2006", "2 January 2006", "2-January-2006", "2006/1/2", "2006-1-2", "2-Jan-06", "2 Jan 06", "2006 January 2", "2006 Jan 2"}
	letterLayouts = []string{"Jan 2 2006", "January 2 2006", "Jan 2 06"}
)

var (
	isoDate      = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)`)
	numericDate  = regexp.MustCompile(`^(\d{1,2})([/.])(\d{1,2})[/.](\d{4})$`)
	leadWeekday  = regexp.MustCompile(`(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?,?\s*`)
	ordinal      = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)\b`)
	monthAbbrDot = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.`)
	septAbbr     = regexp.MustCompile(`(?i)\bsept\b`)
	// datePrefix strips words such as "Published" or "Updated:" that
	// scraped date values carry.
	datePrefix = regexp.MustCompile(`(?i)^(?:published|posted|updated|last updated|date|dated|on)\b:?\s*`)
)

// ParseDate reads a date in any common layout and returns it as
// YYYY-MM-DD, or "" when it is not a date. It understands ISO 8601 and
// RFC 3339 (the date as written, whatever the zone), RFC 822/1123 as in
// feeds, "June 10, 2017", "10 June 2017", "Saturday, 10th June 2017 09:12
// BST", "10-JUN-2017 15:01:01.79", "2017/06/10", Unix time in seconds or
// milliseconds, and day/month/year with slashes or dots when the order is
// clear (13/06/2017; 10.06.2017 is day first). An ambiguous 06/10/2017 is
// not a date: guessing would store a wrong one.
func ParseDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 {
		return ""
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		return checkedDate(m[1], m[2], m[3])
	}
	if allDigits(s) {
		return epochDate(s)
	}
	s = normalizeDate(s)
	// A date is at most three words; what follows is a time or a zone.
	f := strings.Fields(s)
	for n := min(len(f), 3); n >= 1; n-- {
		if d := layoutDate(strings.Join(f[:n], " ")); d != "" {
			return d
		}
	}
	t, err := dateparse.ParseStrict(s, dateparse.SimpleErrorMessages(true))
	if err != nil {
		return ""
	}
	return saneDate(t)
}

// strictDate is ParseDate for a whole line that is nothing but a date
// (no time, no prefix), as some scraped articles carry under the title.
func strictDate(s string) string {
	if s == "" || len(s) > 40 {
		return ""
	}
	if m := isoDate.FindStringSubmatch(s); m != nil && len(s) == 10 {
		return checkedDate(m[1], m[2], m[3])
	}
	first := s[0]
	if !(first >= '0' && first <= '9' || first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z') {
		return ""
	}
	return layoutDate(normalizeDate(s))
}

func normalizeDate(s string) string {
	if c := s[0]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
		s = datePrefix.ReplaceAllString(s, "")
		s = leadWeekday.ReplaceAllString(s, "")
	}
	s = strings.ReplaceAll(s, ",", " ")
	if strings.ContainsAny(s, "tTdDhH") {
		s = ordinal.ReplaceAllString(s, "$1")
		s = septAbbr.ReplaceAllString(s, "Sep")
	}
	if letterDot(s) {
		s = monthAbbrDot.ReplaceAllString(s, "$1")
	}
	return s
}

// layoutDate parses s as a whole against the day-precision layouts.
func layoutDate(s string) string {
	if s == "" {
		return ""
	}
	if m := isoDate.FindStringSubmatch(s); m != nil && len(s) == 10 {
		return checkedDate(m[1], m[2], m[3])
	}
	if m := numericDate.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[3])
		day, month := a, b
		switch {
		case m[2] == ".": // day.month.year
		case a > 12:
		case b > 12:
			day, month = b, a
		case a != b:
			return "" // 06/10/2017: June or October?
		}
		return checkedDate(m[4], strconv.Itoa(month), strconv.Itoa(day))
	}
	var layouts []string
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		layouts = digitLayouts
	case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
		layouts = letterLayouts
	default:
		return ""
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return saneDate(t)
		}
	}
	return ""
}

func checkedDate(y, m, d string) string {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Year() != yi || int(t.Month()) != mi || t.Day() != di {
		return "" // 2017-02-30
	}
	return saneDate(t)
}

// saneDate formats t, refusing years no news article has.
func saneDate(t time.Time) string {
	if t.Year() < 1800 || t.Year() > 2200 {
		return ""
	}
	return t.Format("2006-01-02")
}

// epochDate reads Unix time in seconds (10 digits) or milliseconds (13).
func epochDate(s string) string {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return ""
	}
	switch len(s) {
	case 9, 10:
		return saneDate(time.Unix(n, 0).UTC())
	case 12, 13:
		return saneDate(time.UnixMilli(n).UTC())
	}
	return ""
}

// letterDot reports a full stop after a letter ("Jun.").
func letterDot(s string) bool {
	for i := 1; i < len(s); i++ {
		if c := s[i-1] | 0x20; s[i] == '.' && c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
