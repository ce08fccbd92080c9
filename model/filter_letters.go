package model

// letterScores is, for each letter and digit, every contact's score for
// that one-letter word (0: no match), worked out when the index is built.
// The first key typed matches nearly everyone, so it is the one that must
// touch the least: one byte per contact, read in sequence.
type letterScores [36][]uint8

func (l *letterScores) init(n int) {
	for b := range l {
		l[b] = make([]uint8, n)
	}
}

// score is the score of the one-letter word c (a letter or digit) for the
// contact at position i, 0 if it does not match.
func (l *letterScores) score(c byte, i int) int { return int(l[charBit(c)][i]) }

// column is every contact's score for the one-letter word c.
func (l *letterScores) column(c byte) []uint8 { return l[charBit(c)] }

// set works out row i's scores.
func (l *letterScores) set(i int, r *searchRow, masks *[5]uint64) {
	fields := [4]string{r.name, r.org, r.role, r.tag}
	var starts [4]uint64
	for k, f := range fields {
		starts[k] = startMask(f)
	}
	for b := range l {
		l[b][i] = 0
	}
	present := (masks[0] | masks[1] | masks[2] | masks[3] | masks[4]) & (1<<len(l) - 1)
	for b := range len(l) {
		if present>>b&1 == 0 {
			continue
		}
		if s, ok := matchLetter(letterOf(b), 1<<b, &fields, masks, &starts); ok {
			l[b][i] = uint8(s) // at most scoreChar+scoreWordStart+scoreFieldStart+bonusName
		}
	}
}

// letterOf is the letter or digit whose charBit is b.
func letterOf(b int) byte {
	if b < 26 {
		return 'a' + byte(b)
	}
	return '0' + byte(b-26)
}

// startMask is charMask of the bytes that begin a word in s.
func startMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		if wordStart(s, i) {
			m |= 1 << charBit(s[i])
		}
	}
	return m
}

// charExact reports whether c has a charMask bit of its own, so a mask
// answers "does c occur" exactly.
func charExact(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// matchLetter is matchWord for a one-letter word, from the masks of the
// fields (name, org, role, tags, then notes) and of their word starts. It
// gives the score fuzzy would: a letter that begins a word scores as a
// word start (more at the very start of the field), any other occurrence
// as a plain character.
func matchLetter(c byte, bit uint64, fields *[4]string, masks *[5]uint64, starts *[4]uint64) (int, bool) {
	best, found := 0, false
	for k := range fields {
		if bit&masks[k] == 0 {
			continue
		}
		s := scoreChar
		if bit&starts[k] != 0 {
			s += scoreWordStart
			if fields[k][0] == c {
				s += scoreFieldStart
			}
		}
		if k == 0 {
			s += bonusName
		} else {
			s += bonusOther
		}
		if !found || s > best {
			best, found = s, true
		}
	}
	if found {
		return best, true
	}
	if bit&masks[4] != 0 {
		return scoreNotes, true
	}
	return 0, false
}

// letterOnly is the score column of q's one word when q is nothing but a
// letter or digit (the first key typed), else nil.
func (q *Query) letterOnly(x *SearchIndex) []uint8 {
	if len(q.Words) != 1 || len(q.Words[0]) != 1 || !charExact(q.Words[0][0]) ||
		len(q.Name)+len(q.Org)+len(q.Role)+len(q.Tags)+q.stageTerms != 0 {
		return nil
	}
	return x.letters.column(q.Words[0][0])
}
