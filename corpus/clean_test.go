package corpus

import (
	"regexp"
	"strings"
	"testing"
)

func TestRemoveHoverCards(t *testing.T) {
	tests := []struct{ in, want string }{
		{
			"said Sen. Jane RoeJane Quinn RoeSome headline about roads Another headline MORE (D-Ore.) and others",
			"said Sen. Jane Roe (D-Ore.) and others",
		},
		{
			"Gov. Ann BellAnn BellBudget talks stall  MORE (R-Kan.) and Rep. Tim LaneTimothy (Tim) LaneA story MORE (D-Ill.) wrote",
			"Gov. Ann Bell (R-Kan.) and Rep. Tim Lane (D-Ill.) wrote",
		},
		{"Sen. Pat McGill said MORE money is needed", "Sen. Pat McGill said MORE money is needed"}, // no caption: a name's inner capital
		{"The iPhone app shows MORE results", "The iPhone app shows MORE results"},
		{"plain text without captions", "plain text without captions"},
	}
	for _, tt := range tests {
		if got := removeHoverCards(tt.in); got != tt.want {
			t.Errorf("removeHoverCards(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestRestoreMissingSpaces(t *testing.T) {
	tests := []struct{ in, want string }{
		{"In 2019,Voters came", "In 2019, Voters came"},
		{"the state,the county", "the state, the county"},
		{"at stake.”The board", "at stake.” The board"},
		{"a coalition of 14Governors", "a coalition of 14 Governors"},
		{"it was done.Then it", "it was done. Then it"},
		{"1,000 ballots", "1,000 ballots"},
		{"U.S. officials", "U.S. officials"},
		{"“Yes,” she said", "“Yes,” she said"},
		{"3D printers and 5G", "3D printers and 5G"},
	}
	for _, tt := range tests {
		if got := restoreMissingSpaces(tt.in); got != tt.want {
			t.Errorf("restoreMissingSpaces(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestChromeLines(t *testing.T) {
	chrome := []string{"3,412 followers", "12K subscribers", "Login", "Sign in", "-updated", "false", "null",
		"© Jo Lensman", "Credit: County Press Office", "Photo: Staff", "ADVERTISEMENT", "Share this article", "---"}
	for _, l := range chrome {
		if !isChromeLine(l) {
			t.Errorf("isChromeLine(%q) = false; want true", l)
		}
	}
	text := []string{"The board met on Tuesday.", "Credit card data was stolen from 4,000 voters, officials said.",
		"False claims spread quickly online, the report found.", "Login pages were spoofed, investigators said."}
	for _, l := range text {
		if isChromeLine(l) {
			t.Errorf("isChromeLine(%q) = true; want false", l)
		}
	}
}

func TestCleanInto(t *testing.T) {
	tests := []struct {
		name, body                 string
		markdown                   bool
		title, date, author, first string
		paras                      int
	}{
		{
			name:  "date lead, headline, byline",
			body:  " date 2021-03-04 County clerks ask for more poll workers\n\nBy: Sam Writer\n\nClerks in six counties asked for help.\n\nThey need 300 more.",
			title: "County clerks ask for more poll workers", date: "2021-03-04", author: "Sam Writer",
			first: "Clerks in six counties asked for help.", paras: 2,
		},
		{
			name: "dateline",
			body: "Springfield, IL March 2, 2022 – Today the board certified the count.\n\nIt took a week.",
			date: "2022-03-02", first: "Springfield, IL March 2, 2022 – Today the board certified the count.", paras: 2,
		},
		{
			name:  "site chrome and non-breaking spaces",
			body:  "2,001 members\nLogin\n\nAudit finds no fraud\n\n-edited\nThe\u00a0audit found\u00a0no fraud.\n\nADVERTISEMENT\nOfficials agreed.{adslot}\n\nfalse",
			title: "Audit finds no fraud", first: "The audit found no fraud.", paras: 2,
		},
		{
			name:     "markdown",
			body:     "# Recount ends\n\nThe **recount** ended, [the board](https://example.org) said.\n\n## Background\n\nIt began in May.",
			markdown: true, title: "Recount ends", first: "The recount ended, the board said.", paras: 2,
		},
		{
			name:  "hard-wrapped text",
			body:  "The state board of elections voted on Monday to expand early voting\nhours in every county, a change that officials said would shorten\nlines.\n\nThe vote was unanimous.",
			first: "The state board of elections voted on Monday to expand early voting hours in every county, a change that officials said would shorten lines.", paras: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Document{}
			cleanInto(d, tt.body, tt.markdown)
			if d.Title != tt.title || d.Date != tt.date || d.Author != tt.author {
				t.Errorf("title, date, author = %q, %q, %q; want %q, %q, %q", d.Title, d.Date, d.Author, tt.title, tt.date, tt.author)
			}
			if len(d.body) != tt.paras {
				t.Fatalf("paragraphs = %d %q; want %d", len(d.body), d.body, tt.paras)
			}
			if d.body[0] != tt.first {
				t.Errorf("first paragraph = %q; want %q", d.body[0], tt.first)
			}
			for _, p := range d.body {
				if strings.ContainsAny(p, "\u00a0{}") {
					t.Errorf("paragraph %q keeps chrome", p)
				}
			}
		})
	}
}

// datelineRe is what parseDateline reads, as a regular expression.
var datelineRe = regexp.MustCompile(`\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})\b`)

// parseDatelineRe is parseDateline written with the regular expression.
func parseDatelineRe(s string) string {
	for _, m := range datelineRe.FindAllStringSubmatch(s, 3) {
		mm, ok := monthNames[strings.ToLower(m[1])]
		if !ok {
			continue
		}
		day := m[2]
		if len(day) == 1 {
			day = "0" + day
		}
		if day > "31" || day == "00" {
			continue
		}
		return m[3] + "-" + mm + "-" + day
	}
	return ""
}

func TestParseDateline(t *testing.T) {
	for _, s := range []string{
		"Springfield, IL July 23, 2018 –", "Aug. 3 2020", "on Sept. 14, 2021.", "June 31 2020", "June 32, 2020",
		"May 00 2020", "Xyz 12 2020, then May 5, 2021", "Mayday 5 2020", "Decembers 5 2020", "aMay 5 2020",
		"May 5 20201", "May 123 2020", "May 12,2020", "Mo 5 2020 Jan 6 2021", "Foo 1 2000 Bar 2 2001 Baz 3 2002 May 4 2003",
		"_May 5 2020", "éMay 5 2020", "May 5 2020_", "Published March 3, 2019 at 10:00", "",
	} {
		if got, want := parseDateline(s), parseDatelineRe(s); got != want {
			t.Errorf("parseDateline(%q) = %q, the regular expression gives %q", s, got, want)
		}
	}
}

func FuzzParseDateline(f *testing.F) {
	f.Add("Springfield, IL July 23, 2018 –")
	f.Add("Foo 1 2000 Bar 2 2001 Baz 3 2002 May 4 2003")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := parseDateline(s), parseDatelineRe(s); got != want {
			t.Fatalf("parseDateline(%q) = %q, the regular expression gives %q", s, got, want)
		}
	})
}
