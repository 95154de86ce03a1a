package loaders

import "testing"

func TestParseDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2017-06-10", "2017-06-10"},
		{"2017-06-10T09:12:00Z", "2017-06-10"},
		{"2017-06-10T23:30:00-05:00", "2017-06-10"}, // the date as written, not moved to UTC
		{"2017-06-10 09:12:00.123", "2017-06-10"},
		{"2017/06/10", "2017-06-10"},
		{"Sat, 10 Jun 2017 09:12:00 +0000", "2017-06-10"},
		{"Sat, 10 Jun 2017 09:12:00 GMT", "2017-06-10"},
		{"Saturday, June 10, 2017", "2017-06-10"},
		{"June 10, 2017", "2017-06-10"},
		{"Jun. 10, 2017", "2017-06-10"},
		{"Sept. 5, 2017", "2017-09-05"},
		{"10 June 2017", "2017-06-10"},
		{"10th June 2017 14:02 BST", "2017-06-10"},
		{"Thursday, 5th March 2020 14:02 GMT", "2020-03-05"},
		{"Published 10 June 2017", "2017-06-10"},
		{"26-FEB-1987 15:01:01.79", "1987-02-26"},
		{" 3-MAR-1988 11:04:55.31\t\t\tF", "1988-03-03"},
		{"13/06/2017", "2017-06-13"},
		{"06/13/2017", "2017-06-13"},
		{"10.06.2017", "2017-06-10"},
		{"05/05/2017", "2017-05-05"},
		{"06/10/2017", ""}, // June or October: not guessed
		{"1497052800", "2017-06-10"},
		{"1497052800000", "2017-06-10"},
		{"2017-02-30", ""},
		{"2017", ""},
		{"yesterday", ""},
		{"Reuters", ""},
		{"0001-01-01T00:00:00Z", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := ParseDate(c.in); got != c.want {
			t.Errorf("ParseDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStrictDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"12 March 2019", "2019-03-12"},
		{"March 12, 2019", "2019-03-12"},
		{"2019-03-12", "2019-03-12"},
		{"March 12, 2019 at noon", ""},
		{"Spring 2019", ""},
		{"The 12 March 2019 vote", ""},
	}
	for _, c := range cases {
		if got := strictDate(c.in); got != c.want {
			t.Errorf("strictDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
