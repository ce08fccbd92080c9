package ui

import (
	"fmt"
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

// settingFields are the due-date rules, each a whole number of days. A
// value that is not one is caught by settings() before anything is set.
func settingFields() []boundField[model.Settings] {
	type field = boundField[model.Settings]
	days := func(label, note string, get func(model.Settings) int, set func(*model.Settings, int)) field {
		return field{formField{label: label, limit: 4, unit: "days", note: note},
			func(s model.Settings) string { return strconv.Itoa(get(s)) },
			func(s *model.Settings, v string) {
				if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
					set(s, n)
				}
			}}
	}
	return []field{
		days("Thank-you due", "days after the interview (7 by default; some advisers say 1)",
			func(s model.Settings) int { return s.ThankYouDays }, func(s *model.Settings, n int) { s.ThankYouDays = n }),
		days("No reply after", "days without an answer to a request before a reminder is suggested",
			func(s model.Settings) int { return s.NoReplyDays }, func(s *model.Settings, n int) { s.NoReplyDays = n }),
		days("Keep in touch", "days after the last exchange before the later update is due",
			func(s model.Settings) int { return s.KeepInTouchDays }, func(s *model.Settings, n int) { s.KeepInTouchDays = n }),
	}
}

// settingsScreen edits the due-date rules that the first screen and the
// contact page count from.
type settingsScreen struct {
	c       *common
	fields  []boundField[model.Settings]
	form    form
	loaded  bool
	base    model.Settings
	problem string
	width   int
	height  int
}

func newSettingsScreen(c *common) settingsScreen {
	fields := settingFields()
	return settingsScreen{c: c, fields: fields,
		form: newForm(c.styles, fieldSpecs(fields), make([]string, len(fields)))}
}

func (s settingsScreen) load() tea.Cmd { return loadSettings(s.c.store) }

func (s settingsScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case settingsLoadedMsg:
		if !s.loaded && msg.err == nil {
			s.loaded, s.base = true, msg.settings
			s.form = newForm(s.c.styles, fieldSpecs(s.fields), fieldValues(s.fields, msg.settings))
		}
	case tea.KeyMsg:
		return s.handleKey(msg)
	}
	return s, nil
}

func (s settingsScreen) handleKey(k tea.KeyMsg) (screen, tea.Cmd) {
	switch {
	case key.Matches(k, s.form.keys.Cancel):
		return s, pop
	case !s.loaded:
		return s, nil
	}
	submit, cmd := s.form.handleKey(k)
	if !submit {
		s.problem = ""
		return s, cmd
	}
	st, at, problem := s.settings()
	if problem != "" {
		s.problem = problem
		s.form.setFocus(at)
		return s, nil
	}
	return s, tea.Sequence(pop, withInfo(saveSettings(s.c.store, st),
		"Saved: thank-you due after %d days, reminder after %d, update after %d.",
		st.ThankYouDays, st.NoReplyDays, st.KeepInTouchDays))
}

// settings reads the form, or says which field is wrong and why.
func (s settingsScreen) settings() (st model.Settings, at int, problem string) {
	for i, f := range s.fields {
		n, err := strconv.Atoi(strings.TrimSpace(s.form.value(i)))
		if err != nil || n < 1 || n > maxRuleDays {
			return s.base, i, fmt.Sprintf("%s: a whole number of days from 1 to %d.", f.label, maxRuleDays)
		}
	}
	return applyFields(s.fields, s.base, s.form.values()), 0, ""
}

func (s settingsScreen) view() string {
	st := s.c.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Follow-up rules") + "\n")
	b.WriteString(st.Muted.Render("When the first screen and each contact say a message is due.") + "\n")
	if !s.loaded {
		return b.String() + "\n" + st.Muted.Render("Loading…")
	}
	lines, _, _ := s.form.view(s.width)
	b.WriteString("\n" + strings.Join(lines, "\n"))
	if s.problem != "" {
		b.WriteString("\n\n" + st.Error.Render(s.problem))
	}
	return b.String()
}

func (s settingsScreen) setSize(w, h int) screen { s.width, s.height = w, h; return s }
func (s settingsScreen) capturing() bool         { return true }
func (s settingsScreen) help() help.KeyMap {
	k := s.form.bindings()
	k.Save.SetEnabled(s.loaded)
	return keyMap{short: []key.Binding{k.Next, k.Save, k.Cancel}, full: [][]key.Binding{{k.Next, k.Prev, k.Save, k.Cancel}}}
}

func (s settingsScreen) watches() watcher { return watching() }

// unsaved is true while a rule has been typed over.
func (s settingsScreen) unsaved() bool {
	if !s.loaded {
		return false
	}
	st, _, problem := s.settings()
	return problem != "" || st != s.base
}

// saveNow is nil: the form closes only by saving, or by esc.
func (s settingsScreen) saveNow() tea.Cmd { return nil }

// flush saves the typed rules when the program stops with the form open
// (ctrl+c, SIGTERM, SIGHUP); rules that cannot be saved are reported.
func (s settingsScreen) flush(st *store.Store) error {
	if !s.unsaved() {
		return nil
	}
	rules, _, problem := s.settings()
	if problem != "" {
		return fmt.Errorf("the due-date rules were not saved: %s", problem)
	}
	return st.PutSettings(rules)
}

// openSettings opens the due-date rules.
func openSettings(c *common, msg tea.Msg) (screen, bool) {
	if _, ok := msg.(openSettingsMsg); ok {
		return newSettingsScreen(c), true
	}
	return nil, false
}
