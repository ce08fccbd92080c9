package chart

import (
	"reflect"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"parley/model"
)

func sampleProgress() model.Progress {
	p := model.Progress{Goal: 2, Streak: 3,
		Funnel:        model.Funnel{Asked: 12, Replied: 8, Held: 5, Thanked: 4},
		RequestToTalk: model.DaySpread{Count: 5, Median: 8.5, Min: 1, Max: 15},
		Conversations: 5, Referrals: 6, ReferralsAdded: 3,
		Length: model.LengthTally{Timed: 5, Over: 2, MeanOver: 6*time.Minute + 20*time.Second, MaxOver: 9 * time.Minute},
	}
	for i, n := range []int{0, 1, 3, 2, 2, 2} {
		p.Weeks = append(p.Weeks, model.WeekTally{Start: time.Date(2026, 10, 19+7*i, 0, 0, 0, 0, time.UTC), Held: n})
	}
	return p
}

func TestProgressLinesASCII(t *testing.T) {
	for _, tc := range []struct {
		width int
		want  []string
	}{
		{80, []string{
			"Conversations a week (goal 2): _-#+++ 2 this week, goal met 3 weeks running",
			"Asked 12 -> replied 8 -> held 5 -> thanked 4 (67% replied)",
			"Request to conversation: median 8.5 days (1 to 15, 5 contacts)",
			"Referrals: 1.2 a conversation (6 named, 3 added as contacts)",
			"Over budget: 2 of 5, by 6 min on average (at most 9 min)",
		}},
		{40, []string{
			"Weekly (goal 2): _-#+++ 2 this week",
			"Asked 12 -> replied 8 -> held 5 -> th...",
			"Request to conversation: median 8.5 d...",
			"Referrals: 1.2 a conversation (6 name...",
			"Over budget: 2 of 5, by 6 min on aver...",
		}},
	} {
		got := ProgressLines(sampleProgress(), tc.width, ASCII)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("width %d:\n%q\nwant\n%q", tc.width, got, tc.want)
		}
	}
}

func TestProgressLinesFitAnyWidth(t *testing.T) {
	empty := model.ProgressAt(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), 0, nil, nil, nil, model.Settings{})
	for _, p := range []model.Progress{sampleProgress(), empty} {
		for _, g := range []Glyphs{Blocks, ASCII} {
			for _, width := range []int{0, 10, 24, 80, 120} {
				for _, l := range ProgressLines(p, width, g) {
					if w := runewidth.StringWidth(l); w > width {
						t.Errorf("width %d glyphs %d: %q is %d cells", width, g, l, w)
					}
				}
			}
		}
	}
	if got := ProgressLines(empty, 80, ASCII); len(got) != 2 || got[1] != "Asked 0 -> replied 0 -> held 0 -> thanked 0" {
		t.Errorf("empty notebook: %q", got)
	}
}
