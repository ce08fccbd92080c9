package model

import "strings"

// The byte-scanning matchers: the rules of fuzzy words and field terms as
// they read text, used where the masks cannot answer (long fields, words
// with punctuation or non-ASCII bytes) and as the reference the masks are
// tested against.

// fuzzy scores pat as a subsequence of s, in one pass over s. The first
// whole occurrence of pat at the start of a word is the best shape a match
// can have, so it is scored and returned at once. Otherwise the leftmost
// match is tightened from its end backwards (as fzf's first version does)
// and that window is scored: points per character, more for runs of
// consecutive characters and for characters that start a word, a small
// cost per skipped character.
func fuzzy(pat, s string) (int, bool) {
	n := len(pat)
	if n == 0 {
		return 0, true
	}
	c0 := pat[0]
	end, j := -1, 0
	// A plain loop beats strings.IndexByte here: fields are a few dozen
	// bytes, shorter than its vector set-up pays for.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == c0 && len(s)-i >= n && wordStart(s, i) && s[i:i+n] == pat {
			return windowScore(pat, s, i, i+n-1), true
		}
		if j < n && c == pat[j] {
			if j++; j == n {
				end = i
			}
		}
	}
	if end < 0 {
		return 0, false
	}
	start := end
	for i, j := end, n-1; i >= 0; i-- {
		if s[i] == pat[j] {
			if j--; j < 0 {
				start = i
				break
			}
		}
	}
	return windowScore(pat, s, start, end), true
}

// wordPrefix scores pat where it starts a word of s: a field term
// ("org:trimet") names words, so scattered letters ("Metro Regional
// Government") do not match it. A term of several words ("city c") may run
// across words.
func wordPrefix(pat, s string) (int, bool) {
	if pat == "" {
		return 0, true
	}
	for i := 0; i+len(pat) <= len(s); i++ {
		if s[i] == pat[0] && wordStart(s, i) && s[i:i+len(pat)] == pat {
			return windowScore(pat, s, i, i+len(pat)-1), true
		}
	}
	return 0, false
}

// windowScore scores the greedy match of pat inside s[start:end+1].
func windowScore(pat, s string, start, end int) int {
	score, prev, j := 0, -2, 0
	for i := start; i <= end && j < len(pat); i++ {
		if s[i] != pat[j] {
			score += scoreGap
			continue
		}
		score += scoreChar
		if i == prev+1 {
			score += scoreConsecutive
		}
		if wordStart(s, i) {
			score += scoreWordStart
			if i == 0 {
				score += scoreFieldStart
			}
		}
		prev = i
		j++
	}
	return score
}

// wordStart reports whether s[i] begins a word: it is first, or follows a
// byte that is not a letter or digit (space, hyphen, NUL between tags).
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	c := s[i-1]
	return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80)
}

// tagStartMask is charMask of the first bytes of the NUL-joined tags.
func tagStartMask(tags string) uint64 {
	var m uint64
	for i := 0; i < len(tags); i++ {
		if i == 0 || tags[i-1] == 0 {
			m |= 1 << charBit(tags[i])
		}
	}
	return m
}

// hasTagPrefix reports whether any of the NUL-joined tags starts with p.
func hasTagPrefix(tags, p string) bool {
	for tags != "" {
		t := tags
		if k := strings.IndexByte(tags, 0); k >= 0 {
			t, tags = tags[:k], tags[k+1:]
		} else {
			tags = ""
		}
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}
