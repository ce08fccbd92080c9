// Package settings is the due-date rules and the weekly goal.
package settings

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/components/formkit"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// maxRuleDays bounds a due-date rule: ten years is already no rule at all.
const maxRuleDays = 3650

// maxWeeklyGoal bounds the weekly goal: more than one conversation a day
// is no longer a rhythm anyone keeps.
const maxWeeklyGoal = 14

// goalField is the weekly goal's place among the fields; the others before
// it are due-date rules in days, the one after it the clock times are shown on.
const goalField = 3

// settingFields are the due-date rules, each a whole number of days (a
// value that is not one is caught by settings() before anything is set),
// the weekly goal, and the clock times are shown on.
func settingFields(c *common.Common) []formkit.BoundField[model.Settings] {
	type field = formkit.BoundField[model.Settings]
	days := func(label, note string, get func(model.Settings) int, set func(*model.Settings, int)) field {
		return formkit.Bind(formkit.FormField{Label: label, Limit: 4, Unit: "days", Note: note},
			func(s model.Settings) string { return strconv.Itoa(get(s)) },
			func(s *model.Settings, v string) {
				if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
					set(s, n)
				}
			})
	}
	return []field{
		days("Thank-you due", "days after the interview (7 by default; some advisers say 1)",
			func(s model.Settings) int { return s.ThankYouDays }, func(s *model.Settings, n int) { s.ThankYouDays = n }),
		days("No reply after", "days without an answer to a request before a reminder is suggested",
			func(s model.Settings) int { return s.NoReplyDays }, func(s *model.Settings, n int) { s.NoReplyDays = n }),
		days("Keep in touch", "days after the last exchange before the later update is due",
			func(s model.Settings) int { return s.KeepInTouchDays }, func(s *model.Settings, n int) { s.KeepInTouchDays = n }),
		formkit.Bind(formkit.FormField{Label: "Weekly goal", Limit: 2, Unit: "conversations a week",
			Note: "a steady rhythm beats a burst (2 by default)"},
			func(s model.Settings) string { return strconv.Itoa(s.Normalized().WeeklyGoal) },
			func(s *model.Settings, v string) {
				if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
					s.WeeklyGoal = n
				}
			}),
		hoursField(c),
	}
}

// hoursField chooses a 12- or 24-hour clock for times, or the locale's,
// which it names.
func hoursField(c *common.Common) formkit.BoundField[model.Settings] {
	locale := c.Hours.Cycle()
	if c.Hours != nil {
		locale = c.Hours.Locale.Or(model.Hours24)
	}
	label := func(h model.HourCycle) string {
		if h == model.HoursFromLocale {
			return "as the locale (" + string(locale) + "-hour)"
		}
		return string(h) + "-hour"
	}
	var options []string
	for _, h := range model.HourCycles() {
		options = append(options, label(h))
	}
	return formkit.Bind(formkit.FormField{Label: "Times", Kind: formkit.KindChoice, Options: options,
		Note: "3:00 pm or 15:00; the locale is LC_ALL, LC_TIME or LANG"},
		func(s model.Settings) string { return label(s.Hours.Or(model.HoursFromLocale)) },
		func(s *model.Settings, v string) {
			for _, h := range model.HourCycles() {
				if label(h) == v {
					s.Hours = h
				}
			}
		})
}

// settingsScreen edits the due-date rules that the first screen and the
// contact page count from.
type settingsScreen struct {
	c       *common.Common
	fields  []formkit.BoundField[model.Settings]
	form    formkit.Form
	loaded  bool
	base    model.Settings
	problem string
	width   int
	height  int
}

func NewSettingsScreen(c *common.Common) settingsScreen {
	fields := settingFields(c)
	return settingsScreen{c: c, fields: fields,
		form: formkit.NewForm(c.Styles, formkit.FieldSpecs(fields), make([]string, len(fields)))}
}

func (s settingsScreen) Load() tea.Cmd { return common.LoadSettings(s.c.Store) }

func (s settingsScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.SettingsLoadedMsg:
		if !s.loaded && msg.Err == nil {
			s.loaded, s.base = true, msg.Settings
			s.form = formkit.NewForm(s.c.Styles, formkit.FieldSpecs(s.fields), formkit.FieldValues(s.fields, msg.Settings))
		}
	case tea.KeyMsg:
		return s.HandleKey(msg)
	}
	return s, nil
}

func (s settingsScreen) HandleKey(k tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch {
	case key.Matches(k, s.form.Keys.Cancel):
		return s, common.Pop
	case !s.loaded:
		return s, nil
	}
	submit, cmd := s.form.HandleKey(k)
	if !submit {
		s.problem = ""
		return s, cmd
	}
	st, at, problem := s.settings()
	if problem != "" {
		s.problem = problem
		s.form.SetFocus(at)
		return s, nil
	}
	return s, tea.Sequence(common.Pop, common.WithInfo(common.SaveSettings(s.c.Store, st),
		"Saved: thank-you due after %d days, reminder after %d, update after %d; %d conversations a week.",
		st.ThankYouDays, st.NoReplyDays, st.KeepInTouchDays, st.WeeklyGoal))
}

// settings reads the form, or says which field is wrong and why.
func (s settingsScreen) settings() (st model.Settings, at int, problem string) {
	for i, f := range s.fields {
		if f.Kind == formkit.KindChoice {
			continue // only the offered choices can be chosen
		}
		n, err := strconv.Atoi(strings.TrimSpace(s.form.Value(i)))
		if i == goalField {
			if err != nil || n < 1 || n > maxWeeklyGoal {
				return s.base, i, fmt.Sprintf("%s: a whole number of conversations from 1 to %d.", f.Label, maxWeeklyGoal)
			}
			continue
		}
		if err != nil || n < 1 || n > maxRuleDays {
			return s.base, i, fmt.Sprintf("%s: a whole number of days from 1 to %d.", f.Label, maxRuleDays)
		}
	}
	return formkit.ApplyFields(s.fields, s.base, s.form.Values()), 0, ""
}

func (s settingsScreen) View() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Follow-up rules and weekly goal") + "\n")
	b.WriteString(st.Muted.Render("When a message is due, and how many conversations a week you aim for.") + "\n")
	if !s.loaded {
		return b.String() + "\n" + st.Muted.Render("Loading…")
	}
	lines, _, _ := s.form.View(s.width)
	b.WriteString("\n" + strings.Join(lines, "\n"))
	if s.problem != "" {
		b.WriteString("\n\n" + st.Error.Render(s.problem))
	}
	return b.String()
}

func (s settingsScreen) SetSize(w, h int) common.Screen { s.width, s.height = w, h; return s }
func (s settingsScreen) Capturing() bool                { return true }
func (s settingsScreen) Help() help.KeyMap {
	k := s.form.Bindings()
	k.Save.SetEnabled(s.loaded)
	return common.KeyMap{Short: []key.Binding{k.Next, k.Choose, k.Save, k.Cancel}, Full: [][]key.Binding{{k.Next, k.Prev, k.Choose, k.Save, k.Cancel}}}
}

func (s settingsScreen) Watches() common.Watcher { return common.Watching() }

// Unsaved is true while a rule has been typed over.
func (s settingsScreen) Unsaved() bool {
	if !s.loaded {
		return false
	}
	st, _, problem := s.settings()
	// Normalized: a goal never set reads as the default the form shows.
	return problem != "" || st.Normalized() != s.base.Normalized()
}

// SaveNow is nil: the form closes only by saving, or by esc.
func (s settingsScreen) SaveNow() tea.Cmd { return nil }

// Flush saves the typed rules when the program stops with the form open
// (ctrl+c, SIGTERM, SIGHUP); rules that cannot be saved are reported.
func (s settingsScreen) Flush(st *store.Store) error {
	if !s.Unsaved() {
		return nil
	}
	rules, _, problem := s.settings()
	if problem != "" {
		return fmt.Errorf("the due-date rules were not saved: %s", problem)
	}
	return st.PutSettings(rules)
}

// OpenSettings opens the due-date rules.
func OpenSettings(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if _, ok := msg.(common.OpenSettingsMsg); ok {
		return NewSettingsScreen(c), true
	}
	return nil, false
}
