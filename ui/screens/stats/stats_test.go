package stats

import (
	"strings"
	"testing"

	"parley/model"
	"parley/ui/common"
	"parley/ui/uitest"
)

func statsOnTop(t *testing.T, h *uitest.Harness) Screen {
	t.Helper()
	s, ok := h.Top().(Screen)
	if !ok {
		t.Fatalf("top screen is %T, want progress", h.Top())
	}
	return s
}

func TestStatsCountTheNotebook(t *testing.T) {
	h := uitest.NewHarness(t, 80, 22)
	uitest.InsightNotebook(t, h.C.Store)
	h.Keys("s")
	s := statsOnTop(t, h)
	p := s.progress
	if p.Funnel != (model.Funnel{Asked: 3, Replied: 2, Held: 2, Thanked: 1}) {
		t.Errorf("funnel = %+v", p.Funnel)
	}
	if held := p.Weeks[len(p.Weeks)-2].Held; held != 2 {
		t.Errorf("conversations last week = %d, want 2", held)
	}
	if len(s.ranked) != 2 || s.ranked[0].Starred != 1 {
		t.Errorf("ranked = %+v", s.ranked)
	}
	v := h.View()
	for _, want := range []string{"Conversations a week (goal 2)", "Asked 3 → replied 2 → held 2 → thanked 1 (67% replied)",
		"Referrals: 0.5 a conversation", "Over budget: 2 of 2"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
}

func TestStatsFollowTheGoalAndScroll(t *testing.T) {
	h := uitest.NewHarness(t, 80, 12)
	uitest.InsightNotebook(t, h.C.Store)
	h.Open(NewStatsScreen(h.C))
	st, err := h.C.Store.Settings()
	if err != nil {
		t.Fatal(err)
	}
	st.WeeklyGoal = 5
	if err := h.C.Store.PutSettings(st); err != nil {
		t.Fatal(err)
	}
	h.Send(common.NotebookChangedMsg{Kind: common.ChangedSettings})
	if s := statsOnTop(t, h); s.progress.Goal != 5 {
		t.Errorf("goal after the change = %d, want 5", s.progress.Goal)
	}
	h.Keys("G")
	if v := h.View(); !strings.Contains(v, "★ 1 of 2") {
		t.Errorf("G does not reach the ranked questions:\n%s", v)
	}
	h.Keys("g")
	if v := h.View(); !strings.Contains(v, "Conversations a week") {
		t.Errorf("g does not go back to the top:\n%s", v)
	}
}

func TestStatsOnAnEmptyNotebook(t *testing.T) {
	h := uitest.NewHarness(t, 80, 30)
	h.Open(NewStatsScreen(h.C))
	v := h.View()
	for _, want := range []string{"Asked 0 → replied 0", "None yet: star a note"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
}

func TestGoldenStats(t *testing.T) {
	uitest.GoldenInsights(t, "stats", func(c *common.Common) common.Screen { return NewStatsScreen(c) })
	t.Run("stats_ascii_80x24", func(t *testing.T) {
		c, s, _ := uitest.NewTestCommonAt(t, uitest.HarnessNow)
		c.Getenv = func(k string) string {
			if k == "TERM" {
				return "linux"
			}
			return ""
		}
		uitest.InsightNotebook(t, s)
		d := uitest.NewDriver(t, c, 80, 24)
		d.Send(common.PushMsg{S: NewStatsScreen(c)})
		uitest.Golden(t, "stats_ascii_80x24", d.View())
	})
}

// Weekly bars share one scale: a week far past the goal is drawn longer
// than one just at it.
func TestWeeklyBarsShareOneScale(t *testing.T) {
	h := uitest.NewHarness(t, 80, 40)
	uitest.InsightNotebook(t, h.C.Store)
	h.Keys("s")
	s := statsOnTop(t, h)
	s.progress.Goal = 1
	s.progress.Weeks[0].Held, s.progress.Weeks[1].Held = 1, 8
	lines := s.summary()
	var at, past string
	for _, l := range lines {
		if strings.HasSuffix(l, " 1") && at == "" && strings.Contains(l, s.progress.Weeks[0].Start.Format("2 Jan")) {
			at = l
		}
		if strings.HasSuffix(l, " 8") && strings.Contains(l, s.progress.Weeks[1].Start.Format("2 Jan")) {
			past = l
		}
	}
	if at == "" || past == "" {
		t.Fatalf("weeks not found in:\n%s", strings.Join(lines, "\n"))
	}
	if strings.Count(at, "█") >= strings.Count(past, "█") {
		t.Errorf("a week at the goal is drawn as long as one eight times past it:\n%s\n%s", at, past)
	}
}
