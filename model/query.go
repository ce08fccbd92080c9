package model

import "strings"

// Query is a parsed filter for the contact list. Every term must match
// (AND), except stage terms: a contact has one stage, so several stage
// terms mean "any of these". Values are folded (lowercase, accents
// stripped) once here, not per contact.
type Query struct {
	// Words are free words, matched fuzzily against name, organisation,
	// role and tags, and as plain substrings against the notes.
	Words []string
	// Name, Org and Role are terms limited to one field each, matched at
	// the start of a word of that field.
	Name, Org, Role []string
	// Tags are matched as prefixes of any one tag, so "tag:pol" finds
	// "policy" while the user is still typing.
	Tags []string
	// Stages are the stages the stage: terms named; a term that names no
	// stage makes the query match nothing, which is what the user asked for.
	Stages []Stage
	// stageTerms counts stage: terms, so one that named no stage is told
	// apart from none at all.
	stageTerms int
	// masks are the character masks of Words, computed once per query.
	masks []uint64
}

// ParseQuery reads what the user typed in the filter box. Free words and
// prefixed terms (name:, org:, role:, tag:, stage:) are separated by
// spaces; a value in double quotes may hold spaces (org:"city council"),
// and an unclosed quote runs to the end, as it does while being typed. A
// prefix with no value yet ("org:") is ignored rather than emptying the
// list mid-keystroke, and an unknown prefix ("10:30") is a free word.
func ParseQuery(s string) Query {
	var q Query
	for len(s) > 0 {
		var tok string
		tok, s = nextToken(s)
		if tok == "" {
			continue
		}
		key, val, ok := splitPrefix(tok)
		if !ok {
			q.Words = appendTerm(q.Words, tok)
			continue
		}
		val = fold(strings.TrimSpace(val))
		if val == "" {
			continue
		}
		switch key {
		case "name":
			q.Name = append(q.Name, val)
		case "org", "organisation", "organization":
			q.Org = append(q.Org, val)
		case "role":
			q.Role = append(q.Role, val)
		case "tag":
			q.Tags = append(q.Tags, val)
		case "stage":
			q.stageTerms++
			q.Stages = append(q.Stages, stagesNamed(val)...)
		}
	}
	for _, w := range q.Words {
		q.masks = append(q.masks, charMask(w))
	}
	return q
}

// Empty reports whether the query matches every contact, so the list can
// skip filtering altogether.
func (q Query) Empty() bool {
	return len(q.Words)+len(q.Name)+len(q.Org)+len(q.Role)+len(q.Tags)+q.stageTerms == 0
}

// Ranked reports whether the query has fuzzy terms whose scores should
// order the results; otherwise the list keeps its chosen sort.
func (q Query) Ranked() bool { return len(q.Words)+len(q.Name)+len(q.Org)+len(q.Role) > 0 }

// nextToken splits off the first space-separated token of s, honouring
// double quotes, and returns it without its quotes.
func nextToken(s string) (tok, rest string) {
	s = strings.TrimLeft(s, " \t")
	var b strings.Builder
	inQuote := false
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			inQuote = !inQuote
		case (c == ' ' || c == '\t') && !inQuote:
			return b.String(), s[i:]
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), ""
}

// splitPrefix recognises "key:value" for the known keys, case-insensitively.
func splitPrefix(tok string) (key, val string, ok bool) {
	i := strings.IndexByte(tok, ':')
	if i <= 0 {
		return "", "", false
	}
	key = strings.ToLower(tok[:i])
	switch key {
	case "name", "org", "organisation", "organization", "role", "tag", "stage":
		return key, tok[i+1:], true
	}
	return "", "", false
}

func appendTerm(terms []string, tok string) []string {
	if t := fold(strings.TrimSpace(tok)); t != "" {
		return append(terms, t)
	}
	return terms
}

// stagesNamed resolves a stage: value to the stages it could mean: those
// whose name, or a word of it, starts with the value. Hyphens and
// underscores count as spaces, so stage:no-reply and stage:no_reply work.
func stagesNamed(val string) []Stage {
	val = strings.NewReplacer("-", " ", "_", " ").Replace(val)
	var out []Stage
	for _, st := range stages {
		name := string(st)
		if strings.HasPrefix(name, val) {
			out = append(out, st)
			continue
		}
		for _, w := range strings.Fields(name) {
			if strings.HasPrefix(w, val) {
				out = append(out, st)
				break
			}
		}
	}
	return out
}
