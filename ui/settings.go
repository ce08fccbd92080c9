package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// maxRuleDays bounds a due-date rule: ten years is already no rule at all.
const maxRuleDays = 3650

// settingField is one due-date rule in the settings form.
type settingField struct {
	label, hint string
	get         func(model.Settings) int
	set         func(*model.Settings, int)
}

func settingFields() []settingField {
	return []settingField{
		{"Thank-you due", "days after the interview (7 by default; some advisers say 1)",
			func(s model.Settings) int { return s.ThankYouDays }, func(s *model.Settings, n int) { s.ThankYouDays = n }},
		{"No reply after", "days without an answer to a request before a reminder is suggested",
			func(s model.Settings) int { return s.NoReplyDays }, func(s *model.Settings, n int) { s.NoReplyDays = n }},
		{"Keep in touch", "days after the last exchange before the later update is due",
			func(s model.Settings) int { return s.KeepInTouchDays }, func(s *model.Settings, n int) { s.KeepInTouchDays = n }},
	}
}

type settingsKeys struct {
	Next, Prev key.Binding
	Save       key.Binding
	Cancel     key.Binding
}

// settingsScreen edits the due-date rules that the first screen and the
// contact page count from.
type settingsScreen struct {
	c       *common
	keys    settingsKeys
	fields  []settingField
	inputs  []textinput.Model
	loaded  bool
	base    model.Settings
	focus   int
	problem string
	width   int
	height  int
}

func newSettingsScreen(c *common) settingsScreen {
	s := settingsScreen{c: c, fields: settingFields(), keys: settingsKeys{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}}
	for range s.fields {
		ti := newInput(c.styles, "")
		ti.CharLimit = 4
		s.inputs = append(s.inputs, ti)
	}
	s.inputs[0].Focus()
	return s
}

func (s settingsScreen) load() tea.Cmd { return loadSettings(s.c.store) }

func (s settingsScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case settingsLoadedMsg:
		if !s.loaded && msg.err == nil {
			s.loaded, s.base = true, msg.settings
			for i, f := range s.fields {
				s.inputs[i].SetValue(strconv.Itoa(f.get(msg.settings)))
			}
		}
	case tea.KeyMsg:
		return s.handleKey(msg)
	}
	return s, nil
}

func (s settingsScreen) handleKey(k tea.KeyMsg) (screen, tea.Cmd) {
	switch {
	case key.Matches(k, s.keys.Cancel):
		return s, pop
	case !s.loaded:
		return s, nil
	case key.Matches(k, s.keys.Save), k.Type == tea.KeyEnter && s.focus == len(s.inputs)-1:
		st, at, problem := s.settings()
		if problem != "" {
			s.problem = problem
			s.setFocus(at)
			return s, nil
		}
		return s, tea.Sequence(pop, withInfo(saveSettings(s.c.store, st),
			"Saved: thank-you due after %d days, reminder after %d, update after %d.",
			st.ThankYouDays, st.NoReplyDays, st.KeepInTouchDays))
	case k.Type == tea.KeyEnter, key.Matches(k, s.keys.Next):
		s.setFocus((s.focus + 1) % len(s.inputs))
		return s, nil
	case key.Matches(k, s.keys.Prev):
		s.setFocus((s.focus + len(s.inputs) - 1) % len(s.inputs))
		return s, nil
	}
	var cmd tea.Cmd
	s.inputs[s.focus], cmd = s.inputs[s.focus].Update(k)
	s.problem = ""
	return s, cmd
}

// settings reads the form, or says which field is wrong and why.
func (s settingsScreen) settings() (st model.Settings, at int, problem string) {
	st = s.base
	for i, f := range s.fields {
		n, err := strconv.Atoi(strings.TrimSpace(s.inputs[i].Value()))
		if err != nil || n < 1 || n > maxRuleDays {
			return st, i, fmt.Sprintf("%s: a whole number of days from 1 to %d.", f.label, maxRuleDays)
		}
		f.set(&st, n)
	}
	return st, 0, ""
}

func (s *settingsScreen) setFocus(i int) {
	s.inputs[s.focus].Blur()
	s.focus = i
	s.inputs[i].Focus()
}

func (s settingsScreen) view() string {
	st := s.c.styles
	var b strings.Builder
	b.WriteString(st.Title.Render("Follow-up rules") + "\n")
	b.WriteString(st.Muted.Render("When the first screen and each contact say a message is due.") + "\n")
	if !s.loaded {
		return b.String() + "\n" + st.Muted.Render("Loading…")
	}
	labelW := 16
	for i, f := range s.fields {
		marker, label := "  ", st.Label.Render(padRight(f.label, labelW))
		if i == s.focus {
			marker, label = "▸ ", st.Accent.Render(padRight(f.label, labelW))
		}
		b.WriteString("\n" + marker + label + inputView(st, s.inputs[i], 6) + st.Muted.Render(" days"))
		b.WriteString("\n" + strings.Repeat(" ", 2+labelW) + st.Muted.Render(truncateCells(f.hint, s.width-2-labelW)))
	}
	if s.problem != "" {
		b.WriteString("\n\n" + st.Error.Render(s.problem))
	}
	return b.String()
}

func (s settingsScreen) setSize(w, h int) screen { s.width, s.height = w, h; return s }
func (s settingsScreen) capturing() bool         { return true }
func (s settingsScreen) help() help.KeyMap {
	k := s.keys
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
