package questions

import (
	"testing"

	"parley/model"
)

func TestTalliesNameBankQuestionsAndOneOffs(t *testing.T) {
	bank := []Question{{ID: "work-01", Text: "What does a typical week look like?"}, {ID: "path-01", Text: "How did you start?"}}
	stats := map[string]Stat{
		"work-01":                  {Planned: 3, Asked: 2, Starred: 1},
		"text:how did you start":   {Planned: 1, Asked: 1, Starred: 1},
		"text:do you like trains":  {Planned: 2, Asked: 2, Starred: 2},
		"text:never asked one-off": {Planned: 1},
	}
	got := model.RankByStars(Tallies(stats, bank))
	want := []model.QuestionTally{
		{Key: "text:do you like trains", Text: "do you like trains", Asked: 2, Starred: 2},
		{Key: "path-01", Text: "How did you start?", Asked: 1, Starred: 1},
		{Key: "work-01", Text: "What does a typical week look like?", Asked: 2, Starred: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}
