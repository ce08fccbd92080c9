package model

import "strings"

// Narrows reports whether every contact that matches q also matches prev,
// so the list may filter only prev's hits when the user types one more
// character. It is conservative: false means "filter everything again",
// never a wrong answer. Typing usually extends the last term or adds one,
// which narrows; deleting, or turning "org" into "org:" (a free word into
// a prefix still without a value), does not.
func (q Query) Narrows(prev Query) bool {
	// A longer free word implies a shorter one only if it contains it:
	// fuzzy fields need a subsequence, notes a substring, and a substring
	// is both. A field term matches at the start of a word, which only a
	// term it begins with carries over.
	if !allImplied(prev.Words, q.Words, strings.Contains) ||
		!allImplied(prev.Name, q.Name, strings.HasPrefix) ||
		!allImplied(prev.Org, q.Org, strings.HasPrefix) ||
		!allImplied(prev.Role, q.Role, strings.HasPrefix) ||
		!allImplied(prev.Tags, q.Tags, strings.HasPrefix) {
		return false
	}
	if prev.stageTerms == 0 {
		return true
	}
	if q.stageTerms == 0 {
		return false
	}
	for _, st := range q.Stages {
		if !containsStage(prev.Stages, st) {
			return false
		}
	}
	return true
}

// allImplied reports whether each old term is implied by some new term.
func allImplied(old, cur []string, implies func(newTerm, oldTerm string) bool) bool {
	for _, o := range old {
		ok := false
		for _, n := range cur {
			if implies(n, o) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func containsStage(sts []Stage, st Stage) bool {
	for _, s := range sts {
		if s == st {
			return true
		}
	}
	return false
}
