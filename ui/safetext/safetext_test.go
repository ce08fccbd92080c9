package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Payloads are the hostile strings every renderer and print is tested
// with; other packages' tests use them through Payloads.
var payloadCases = []struct {
	name, in, line string
}{
	{"plain", "Ana Ruiz", "Ana Ruiz"},
	{"OSC 52 clipboard", "Eve\x1b]52;c;ZXZpbA==\a", "Eve␛]52;c;ZXZpbA==␇"},
	{"OSC 0 title", "\x1b]0;owned\x07Bob", "␛]0;owned␇Bob"},
	{"OSC 2 title ST", "\x1b]2;owned\x1b\\Bob", "␛]2;owned␛\\Bob"},
	{"OSC 8 link", "\x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\", "␛]8;;http://x␛\\click␛]8;;␛\\"},
	{"CSI clear", "\x1b[2JBob", "␛[2JBob"},
	{"carriage return", "Good Name\rEVIL", "Good Name␍EVIL"},
	{"backspace", "Good\b\b\b\bEVIL", "Good␈␈␈␈EVIL"},
	{"DEL", "a\x7fb", "a␡b"},
	{"C1 CSI", "a\u009b2Jb", "a\ufffd2Jb"},
	{"C1 OSC", "a\u009d0;t\u009cb", "a\ufffd0;t\ufffdb"},
	{"RLO", "invoice_\u202efdp.exe", "invoice_fdp.exe"},
	{"isolates", "\u2066a\u2069\u2067b\u2069", "ab"},
	{"zero width space", "Ana\u200bRuiz", "AnaRuiz"},
	{"BOM and word joiner", "\ufeffA\u2060B", "AB"},
	{"newline", "one\ntwo", "one⏎two"},
	{"tab", "a\tb", "a b"},
	{"invalid UTF-8", "a\xffb", "a\ufffdb"},
	{"CJK", "山田太郎", "山田太郎"},
	{"ZWJ emoji", "👩\u200d💻 dev", "👩\u200d💻 dev"},
	{"flag", "🇯🇵", "🇯🇵"},
	{"subdivision flag", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"},
	{"tag smuggling", "hi\U000E0041\U000E0042", "hi"},
	{"one variation selector", "❤\ufe0f", "❤\ufe0f"},
	{"run of selectors", "a\ufe0f\ufe0f\ufe0f", "a\ufe0f"},
	{"line separator", "a\u2028b", "a⏎b"},
}

func TestLine(t *testing.T) {
	for _, c := range payloadCases {
		if got := Line(c.in); got != c.line {
			t.Errorf("%s: Line(%q) = %q, want %q", c.name, c.in, got, c.line)
		}
	}
}

func TestNothingRawSurvives(t *testing.T) {
	for _, c := range payloadCases {
		for _, out := range []string{Line(c.in), Block(c.in), Clean(c.in)} {
			if bad := Unsafe(out); bad != "" {
				t.Errorf("%s: %q still holds %s", c.name, out, bad)
			}
		}
	}
	if bad := Unsafe(Line(strings.Repeat("\x1b[31m", 1000))); bad != "" {
		t.Errorf("long payload: %s", bad)
	}
}

func TestBlockKeepsLines(t *testing.T) {
	for in, want := range map[string]string{
		"one\ntwo":          "one\ntwo",
		"one\r\ntwo\rthree": "one\ntwo\nthree",
		"a\tb":              "a    b",
		"a\u2029b":          "a\nb",
		"x\x1b[2Jy\n":       "x␛[2Jy\n",
	} {
		if got := Block(in); got != want {
			t.Errorf("Block(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"  Ana   Ruiz ":              "Ana Ruiz",
		"Eve\x1b]52;c;ZXZpbA==\a":    "Eve]52;c;ZXZpbA==",
		"Good Name\rEVIL":            "Good Name EVIL",
		"a\u202eb\u200bc\u009bd":     "abcd",
		"Ana\nRuiz":                  "Ana Ruiz",
		"👩\u200d💻 山田":                "👩\u200d💻 山田",
		"ana@example.org\x00":        "ana@example.org",
		"hi\U000E0041\U000E0042 you": "hi you",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlainTextIsNotCopied(t *testing.T) {
	s := "Ana Ruiz, planner at TriMet"
	if allocs := testing.AllocsPerRun(100, func() { _ = Line(s) }); allocs != 0 {
		t.Errorf("Line allocated %v times on plain ASCII", allocs)
	}
}

func FuzzLine(f *testing.F) {
	for _, c := range payloadCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, out := range []string{Line(s), Block(s), Clean(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 from %q", s)
			}
			if bad := Unsafe(out); bad != "" {
				t.Fatalf("%q -> %q holds %s", s, out, bad)
			}
		}
		if strings.ContainsRune(Line(s), '\n') {
			t.Fatalf("Line kept a newline: %q", s)
		}
	})
}

func BenchmarkLine(b *testing.B) {
	plain := strings.Repeat("Ana Ruiz, planner at TriMet. ", 40)
	mixed := strings.Repeat("山田 👩\u200d💻 \x1b[2J ", 40)
	b.Run("plain", func(b *testing.B) {
		for b.Loop() {
			_ = Line(plain)
		}
	})
	b.Run("mixed", func(b *testing.B) {
		for b.Loop() {
			_ = Line(mixed)
		}
	})
}

func TestStripKeepsTextAndBreaksDropsTheRest(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Ana Ruiz", "Ana Ruiz"},
		{"one\ntwo\r\nthree\tfour", "one\ntwo\r\nthree\tfour"},
		{"Eve\x1b]52;c;ZXZpbA==\a", "Eve]52;c;ZXZpbA=="},
		{"a\u009b2Jb\x7f", "a2Jb"},
		{"invoice_\u202efdp.exe", "invoice_fdp.exe"},
		{"Ana\u200bRuiz\ufeff", "AnaRuiz"},
		{"a\xffb", "ab"},
		{"👩\u200d💻 🇯🇵 ❤\ufe0f\ufe0f", "👩\u200d💻 🇯🇵 ❤\ufe0f"},
		{"  spaces  kept  ", "  spaces  kept  "},
	}
	for _, c := range cases {
		if got := Strip(c.in); got != c.want {
			t.Errorf("Strip(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, p := range Payloads() {
		if bad := Unsafe(strings.ReplaceAll(strings.ReplaceAll(Strip(p), "\r", ""), "\t", "")); bad != "" {
			t.Errorf("Strip(%q) left %s", p, bad)
		}
	}
}

// A flag's tags are short; a long run after 🏴 is hidden text, cut to what
// a flag can hold.
func TestTextHiddenBehindAFlag(t *testing.T) {
	hidden := "🏴" + strings.Repeat("\U000E0041", 40) + "x"
	for name, out := range map[string]string{"Line": Line(hidden), "Clean": Clean(hidden), "Block": Block(hidden)} {
		if n := utf8.RuneCountInString(out); n != 1+maxFlagTags+1 {
			t.Errorf("%s kept %d runes of a flag with 40 tags: %q", name, n, out)
		}
		if bad := Unsafe(out); bad != "" {
			t.Errorf("%s: %s", name, bad)
		}
	}
	if Unsafe(hidden) == "" {
		t.Error("Unsafe does not see 40 tags behind a flag")
	}
	england := "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"
	if Line(england) != england {
		t.Error("a real subdivision flag was cut")
	}
}
