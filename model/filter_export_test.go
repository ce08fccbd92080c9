package model

// Test hooks: the byte-scanning pieces a reference filter is built from,
// so tests in package model_test (which may use model/sample) can check
// the index against them.
var (
	ScanFuzzy      = fuzzy
	ScanWordPrefix = wordPrefix
	HasTagPrefix   = hasTagPrefix
	Fold           = fold
	PerfectFrom    = perfectFrom
)

const (
	BonusName  = bonusName
	BonusOther = bonusOther
	ScoreNotes = scoreNotes
)

// StageTerms is how many stage: terms q has.
func (q Query) StageTerms() int { return q.stageTerms }

// TypedFilterKept is how many positions f keeps for backspace.
func TypedFilterKept(f *TypedFilter) int {
	kept := 0
	for i := range f.steps {
		kept += f.steps[i].kept()
	}
	return kept
}
