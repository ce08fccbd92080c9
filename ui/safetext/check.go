package safetext

import (
	"fmt"
	"unicode/utf8"
)

// Payloads are hostile strings for tests of anything that draws or prints
// user text: escape sequences (OSC 0, 2, 8, 52, CSI 2J), CR, BS, DEL, C1
// controls, bidi overrides, invisible characters, a very long name, wide
// CJK and emoji sequences.
func Payloads() []string {
	long := make([]byte, 0, 500)
	for len(long) < 500 {
		long = append(long, "Verylongname"...)
	}
	return []string{
		"Eve\x1b]52;c;ZXZpbA==\a",
		"\x1b]0;owned\x07Bob",
		"\x1b]2;owned\x1b\\Bob",
		"\x1b]8;;http://example.invalid\x1b\\click\x1b]8;;\x1b\\",
		"\x1b[2JClear",
		"Good Name\rEVIL",
		"Good\b\b\b\bEVIL",
		"a\x7fb",
		"a\u009b2Jb\u009d0;t\u009c",
		"invoice_\u202efdp.exe",
		"Ana\u200bRuiz\ufeff",
		string(long[:500]),
		"山田太郎 研究員",
		"👩\u200d💻 🇯🇵",
	}
}

// Unsafe describes the first character in s that must never reach a
// terminal from user text — a control character other than newline, a
// bidi control or a hidden character — or returns "" when there is none.
// Tests use it on rendered output; styled output must be checked with
// colour off, since styles are escape sequences of our own.
func Unsafe(s string) string {
	var prev rune
	tags := 0 // tag characters just kept, in a row
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !isReplacementAt(s, i):
			return fmt.Sprintf("invalid UTF-8 at byte %d", i)
		case r == '\n':
		case isControl(r):
			return fmt.Sprintf("control U+%04X at byte %d", r, i)
		case !keepInvisible(r, prev, tags):
			return fmt.Sprintf("hidden or bidi U+%04X at byte %d", r, i)
		}
		prev = r
		tags = tagRun(r, tags)
	}
	return ""
}

func isReplacementAt(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	return r == utf8.RuneError && n == 3
}
