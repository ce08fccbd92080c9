package questions

import (
	"reflect"
	"testing"

	"parley/model"
)

func TestStats(t *testing.T) {
	interviews := []model.Interview{
		{
			Questions: []model.Question{
				{ID: 1, BankID: "path-01", Text: "How did you end up here?", Asked: true},
				{ID: 2, BankID: "work-01", Text: "What does a week look like?", Asked: true, Starred: true},
				{ID: 3, Text: "What was the move to Oslo like?", Asked: true},
				{ID: 4, BankID: "trends-01", Text: "How has it changed?"},
			},
			Notes: []model.Note{
				{QuestionID: 1, Text: "Started in sales", Starred: true},
				{QuestionID: 1, Text: "then moved", Starred: true}, // same answer, one star
				{QuestionID: 4, Text: "never asked but noted"},
				{Text: "General impression", Starred: true}, // under no question
			},
		},
		{
			Questions: []model.Question{
				{ID: 1, BankID: "path-01", Text: "How did you end up here?", Asked: true},
				{ID: 2, Text: "  what was the MOVE to Oslo like  ", Asked: false},
				{ID: 3, BankID: "path-01", Text: "listed twice by mistake", Asked: true, Starred: true},
			},
			Notes: []model.Note{{QuestionID: 2, Starred: true}},
		},
		{}, // an interview with nothing planned
	}
	got := Stats(interviews)
	want := map[string]Stat{
		"path-01":                             {Planned: 2, Asked: 2, Starred: 2},
		"work-01":                             {Planned: 1, Asked: 1, Starred: 1},
		"trends-01":                           {Planned: 1},
		"text:what was the move to oslo like": {Planned: 2, Asked: 1, Starred: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stats =\n%v\nwant\n%v", got, want)
	}
	if len(Stats(nil)) != 0 {
		t.Error("no interviews, no stats")
	}
}

func TestStatForFoldsInMatchingText(t *testing.T) {
	// An interview made by the old Starter carries no BankID; its text
	// still counts towards the bank question it matches.
	q, _ := Lookup(Bank(UserState{}), "path-01")
	interviews := []model.Interview{
		{Questions: []model.Question{{ID: 1, BankID: q.ID, Text: q.Text, Asked: true}}},
		{Questions: []model.Question{{ID: 1, Text: q.Text + " ", Asked: true, Starred: true}}},
	}
	stats := Stats(interviews)
	if got, want := StatFor(stats, q), (Stat{Planned: 2, Asked: 2, Starred: 1}); got != want {
		t.Errorf("StatFor = %+v, want %+v", got, want)
	}
	if got := StatFor(stats, Question{ID: "u-1", Text: "Never used?"}); got != (Stat{}) {
		t.Errorf("unused question has stats %+v", got)
	}
	if k := StatKey(model.Question{Text: "Why?"}); k != "text:why" {
		t.Errorf("StatKey = %q", k)
	}
}
