// Package safetext makes text from users, files and the notebook safe to
// draw on a terminal or print to a shell. Notes and names can hold anything
// a paste, an import or a hostile contact card puts there: escape sequences
// that set the clipboard or the window title, carriage returns that redraw
// a line, bidi overrides that reverse what is read, invisible characters
// that make two names look the same. Every renderer and every command-line
// print passes user text through Line or Block; input fields where such
// characters can never be meant (names, organisations, emails, tags) store
// the result of Clean.
//
// Control characters are shown, not dropped, so the user sees that they are
// there: C0 controls as their Unicode control pictures (ESC as ␛, CR as ␍),
// DEL as ␡, C1 controls as �. Bidi controls and characters that exist to be
// invisible (zero-width space, word joiner, BOM, soft hyphen, runs of tag
// characters or variation selectors) are removed: text is then shown in the
// order it is stored, with nothing hidden inside it. Joiners that emoji and
// scripts need (ZWJ, ZWNJ, one variation selector after a character, the tag
// sequence of a subdivision flag) are kept.
package safetext

import (
	"strings"
	"unicode/utf8"
)

// Line returns s made safe to draw on one line: line breaks are shown as ⏎,
// tabs become a space.
func Line(s string) string {
	if plainASCII(s, false) {
		return s
	}
	return render(s, false)
}

// Block returns s made safe to draw as several lines: line breaks are kept
// (CR LF and lone CR become LF, U+2028/2029 too), a tab becomes four
// spaces.
func Block(s string) string {
	if plainASCII(s, true) {
		return s
	}
	return render(s, true)
}

// Clean returns s with everything that can never be meant in a one-line
// field removed rather than shown: control characters, bidi controls and
// invisible characters. Line breaks and tabs become spaces, runs of spaces
// one, and the ends are trimmed.
func Clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	var prev rune
	tags := 0 // tag characters just kept, in a row
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			continue
		}
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 || r == ' ':
			if b.Len() > 0 {
				space, prev = true, ' '
			}
			continue
		case isControl(r) || !keepInvisible(r, prev, tags):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		prev = r
		tags = tagRun(r, tags)
	}
	return b.String()
}

// plainASCII reports whether s is printable ASCII (and newlines when
// multiline), which needs no change: the common case costs one scan and
// no allocation.
func plainASCII(s string, multiline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			continue
		}
		if c == '\n' && multiline {
			continue
		}
		return false
	}
	return true
}

func render(s string, multiline bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	var prev rune
	tags := 0 // tag characters just kept, in a row
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\r' && multiline:
			// CR LF is one break; a lone CR is one too.
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
		case r == '\n' || r == 0x2028 || r == 0x2029:
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteRune('⏎')
			}
		case r == '\t':
			if multiline {
				b.WriteString("    ")
			} else {
				b.WriteByte(' ')
			}
		case r < 0x20:
			b.WriteRune(0x2400 + r) // ␀ … ␟, ␛ for ESC
		case r == 0x7f:
			b.WriteRune('␡')
		case r >= 0x80 && r <= 0x9f:
			b.WriteRune(utf8.RuneError)
		case !keepInvisible(r, prev, tags):
			continue
		default:
			b.WriteRune(r)
		}
		prev = r
		tags = tagRun(r, tags)
	}
	return b.String()
}

// isControl reports C0, DEL and C1 controls.
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// keepInvisible reports whether r may be drawn after prev. It is false for
// bidi controls and invisible characters that serve only to hide or
// reorder text, and for variation selectors and tag characters that do not
// follow what they modify.
func keepInvisible(r, prev rune, tags int) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f, // ALM, LRM, RLM
		r >= 0x202a && r <= 0x202e, // embeddings and overrides
		r >= 0x2066 && r <= 0x2069: // isolates
		return false
	case r == 0x00ad, r == 0x034f, r == 0x115f, r == 0x1160, r == 0x17b4, r == 0x17b5,
		r == 0x180e, r == 0x200b, r >= 0x2060 && r <= 0x2064, r == 0x3164, r == 0xfeff,
		r == 0xffa0, r >= 0xfff9 && r <= 0xfffb:
		// soft hyphen, grapheme joiner, Hangul fillers, Khmer vowels
		// inherent, Mongolian vowel separator, zero-width space, word
		// joiner and invisible operators, BOM, interlinear annotation
		return false
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef:
		// A variation selector modifies the character before it; a run
		// of them is a way to smuggle invisible text.
		return !isVariationSelector(prev) && prev != 0 && !isTag(prev)
	case isTag(r):
		// Tag characters are only ever meant inside a subdivision flag
		// (🏴 followed by tags); anywhere else they are invisible text.
		// A flag's tags are a region code and an end (🏴 g b e n g ␡):
		// a longer run is text hidden behind a flag.
		return (prev == 0x1f3f4 || isTag(prev)) && tags < maxFlagTags
	}
	return true
}

func isVariationSelector(r rune) bool {
	return (r >= 0xfe00 && r <= 0xfe0f) || (r >= 0xe0100 && r <= 0xe01ef)
}

func isTag(r rune) bool { return r >= 0xe0000 && r <= 0xe007f }

// Strip returns s without what can never be meant in text being typed or
// edited: control characters other than line breaks and tabs, bidi
// controls and invisible characters. It is for values put into a text
// field and runes typed or pasted into one, which the field keeps and
// draws as they are; the rest of s is left exactly as it was.
func Strip(s string) string {
	if plainASCII(s, true) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	tags := 0 // tag characters just kept, in a row
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			continue
		case r == '\n' || r == '\r' || r == '\t':
		case isControl(r) || !keepInvisible(r, prev, tags):
			continue
		}
		b.WriteRune(r)
		prev = r
		tags = tagRun(r, tags)
	}
	return b.String()
}

// maxFlagTags is the longest tag run a subdivision flag has: up to six
// letters and digits, then the cancel tag.
const maxFlagTags = 7

// tagRun counts tag characters kept in a row, r the one just kept.
func tagRun(r rune, tags int) int {
	if isTag(r) {
		return tags + 1
	}
	return 0
}
