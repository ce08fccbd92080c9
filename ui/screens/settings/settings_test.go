package settings

import (
	"parley/ui/common"
	"parley/ui/uitest"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

func TestSettingsRefuseNonsense(t *testing.T) {
	c := uitest.TestCommon(t)
	s := NewSettingsScreen(c).SetSize(80, 24).(settingsScreen)
	sc, _ := s.Update(s.Load()())
	s = sc.(settingsScreen)
	if s.form.Value(0) != "7" {
		t.Fatalf("thank-you days = %q, want the default 7", s.form.Value(0))
	}
	s.form.States[1].Input.SetValue("0")
	if _, at, problem := s.settings(); at != 1 || problem == "" {
		t.Errorf("0 days accepted (at %d, %q)", at, problem)
	}
	s.form.States[1].Input.SetValue("3")
	st, _, problem := s.settings()
	if problem != "" || st.NoReplyDays != 3 || st.ThankYouDays != 7 {
		t.Errorf("settings = %+v, %q", st, problem)
	}
}

// Choosing a clock in the settings saves it, and every screen shows times
// on it from then on, whatever the locale says.
func TestSettingsChooseTheClock(t *testing.T) {
	c, s, _ := uitest.NewTestCommon(t)
	c.Hours.Locale = model.Hours24
	d := uitest.NewDriver(t, c, 80, 24)
	d.FailOnError = true
	d.Send(common.PushMsg{S: NewSettingsScreen(c)})
	for range 4 { // past the three rules and the weekly goal
		d.Send(uitest.KeyType(tea.KeyTab))
	}
	if v := d.View(); !strings.Contains(v, "as the locale (24-hour)") {
		t.Fatalf("the clock field:\n%s", v)
	}
	d.Send(uitest.KeyType(tea.KeyRight))
	d.Send(uitest.KeyType(tea.KeyCtrlS))
	st, err := s.Settings()
	if err != nil || st.Hours != model.Hours12 {
		t.Fatalf("saved %+v, %v; want 12 hours", st, err)
	}
	if got := c.Hours.Cycle(); got != model.Hours12 {
		t.Errorf("the screens show times on a %s-hour clock", got)
	}
}

func TestSettingsWeeklyGoal(t *testing.T) {
	c := uitest.TestCommon(t)
	s := NewSettingsScreen(c).SetSize(80, 24).(settingsScreen)
	sc, _ := s.Update(s.Load()())
	s = sc.(settingsScreen)
	if s.form.Value(goalField) != "2" {
		t.Fatalf("weekly goal = %q, want the default 2", s.form.Value(goalField))
	}
	for _, bad := range []string{"0", "15", "two"} {
		s.form.States[goalField].Input.SetValue(bad)
		if _, at, problem := s.settings(); at != goalField || problem == "" {
			t.Errorf("goal %q accepted (at %d, %q)", bad, at, problem)
		}
	}
	s.form.States[goalField].Input.SetValue("3")
	st, _, problem := s.settings()
	if problem != "" || st.WeeklyGoal != 3 || st.ThankYouDays != 7 {
		t.Errorf("settings = %+v, %q", st, problem)
	}
}

func TestSettingsUntouchedAreNotUnsaved(t *testing.T) {
	c := uitest.TestCommon(t)
	s := NewSettingsScreen(c).SetSize(80, 24).(settingsScreen)
	sc, _ := s.Update(s.Load()())
	if sc.Unsaved() {
		t.Error("settings read and not touched count as unsaved: closing would write them")
	}
}
