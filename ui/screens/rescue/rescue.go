// Package rescue is the screen that offers back the changes a notebook
// could not take when Parley last stopped (see store.WriteRescue).
package rescue

import (
	"encoding/json"
	"fmt"
	"os"
	"parley/ui/common"
	"parley/ui/components/confirm"
	"parley/ui/safetext"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// OpenRescue builds the screen common.OpenRescueMsg names.
func OpenRescue(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if m, ok := msg.(common.OpenRescueMsg); ok {
		return newScreen(c, m.Path), true
	}
	return nil, false
}

// screen says what a rescue file holds and when it was written; y brings
// it back through the notebook's writers, n keeps it for later, d deletes
// it after asking.
type screen struct {
	common.NothingToSave
	c      *common.Common
	path   string
	rescue store.Rescue
	err    error
	loaded bool
	busy   bool
	keys   struct{ Restore, Later, Delete key.Binding }
	width  int
	height int
}

func newScreen(c *common.Common, path string) screen {
	s := screen{c: c, path: path}
	s.keys.Restore = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "bring them back"))
	s.keys.Later = key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep the file for later"))
	s.keys.Delete = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete the file"))
	return s
}

type loadedMsg struct {
	rescue store.Rescue
	err    error
}

func (m loadedMsg) Failed() error { return m.err }

// restoredMsg is what bringing the changes back did: left are those the
// notebook refused, kept in the file.
type restoredMsg struct {
	restored int
	left     []store.RescuedChange
	err      error
}

func (m restoredMsg) Failed() error { return m.err }

// Changes tells every screen that a restored record may be one it shows.
func (m restoredMsg) Changes() []common.NotebookChangedMsg {
	if m.restored == 0 {
		return nil
	}
	var out []common.NotebookChangedMsg
	for _, k := range []common.NotebookChangedMsg{{Kind: common.ChangedContact}, {Kind: common.ChangedInterview},
		{Kind: common.ChangedTimeline}, {Kind: common.ChangedSettings}, {Kind: common.ChangedProfile},
		{Kind: common.ChangedTemplates}} {
		out = append(out, k)
	}
	return out
}

type deletedMsg struct{ err error }

func (m deletedMsg) Failed() error { return m.err }

func (s screen) Load() tea.Cmd {
	path := s.path
	return func() tea.Msg {
		r, err := store.ReadRescue(path)
		return loadedMsg{r, err}
	}
}

func (s screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		s.rescue, s.err, s.loaded = msg.rescue, msg.err, true
		return s, nil
	case restoredMsg:
		s.busy = false
		if msg.err != nil {
			return s, nil
		}
		if len(msg.left) > 0 {
			return s, tea.Sequence(common.Pop, common.Info("Brought back %d %s; %d could not be (%s) and stay in %s.",
				msg.restored, common.Plural(msg.restored, "change", "changes"), len(msg.left), msg.left[0].Error, s.path))
		}
		return s, tea.Sequence(common.Pop, common.Info("Brought back %d %s from the rescue file.",
			msg.restored, common.Plural(msg.restored, "change", "changes")))
	case deletedMsg:
		if msg.err != nil {
			return s, nil
		}
		return s, tea.Sequence(common.Pop, common.Info("Deleted the rescue file."))
	case tea.KeyMsg:
		if s.busy {
			return s, nil
		}
		switch {
		case key.Matches(msg, s.keys.Later):
			return s, tea.Sequence(common.Pop, common.Info("The rescue file stays in %s.", s.path))
		case key.Matches(msg, s.keys.Restore) && s.loaded && s.err == nil:
			s.busy = true
			return s, restore(s.c.Store, s.path, s.rescue)
		case key.Matches(msg, s.keys.Delete) && s.loaded:
			path := s.path
			return s, common.Push(confirm.NewConfirm(s.c, "Delete the rescue file?",
				"The changes in it are not in the notebook and will be gone for good.",
				func() tea.Msg { return deletedMsg{removeFile(path)} }))
		}
	}
	return s, nil
}

func removeFile(path string) error {
	if err := os.Remove(path); err != nil {
		return fmt.Errorf("delete the rescue file: %w", err)
	}
	return nil
}

// restore replays the changes; those refused stay in a new rescue file in
// place of the old one, which goes.
func restore(s *store.Store, path string, r store.Rescue) tea.Cmd {
	return func() tea.Msg {
		n, left := s.Restore(r.Changes)
		if len(left) > 0 {
			data, err := json.MarshalIndent(store.Rescue{Format: r.Format, Version: r.Version, Notebook: r.Notebook,
				Written: r.Written, Changes: left}, "", "  ")
			if err == nil {
				err = os.WriteFile(path, data, 0o600)
			}
			if err != nil {
				return restoredMsg{n, left, fmt.Errorf("keep the changes not brought back in %s: %w", path, err)}
			}
			return restoredMsg{restored: n, left: left}
		}
		return restoredMsg{restored: n, err: removeFileIfThere(path)}
	}
}

func removeFileIfThere(path string) error {
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("everything is back in the notebook, but the rescue file stays: %w", err)
	}
	return nil
}

func (s screen) View() string {
	st := s.c.Styles
	lines := []string{st.Title.Render("Changes not saved last time"), ""}
	switch {
	case !s.loaded:
		lines = append(lines, st.Muted.Render("Reading the rescue file…"))
	case s.err != nil:
		lines = append(lines, common.WrapWords(common.PlainError(s.err), s.width)...)
		lines = append(lines, "", st.Muted.Render("n: leave it · d: delete it"))
	default:
		when := s.rescue.Written.In(s.c.Now().Location()).Format("Mon 2 Jan 2006 15:04")
		lines = append(lines, common.WrapWords(fmt.Sprintf("When Parley stopped on %s, the notebook could not take %d %s. "+
			"They are kept in %s.", when, len(s.rescue.Changes), common.Plural(len(s.rescue.Changes), "change", "changes"), s.path), s.width)...)
		lines = append(lines, "")
		room := max(s.height-len(lines)-2, 1)
		for i, ch := range s.rescue.Changes {
			if i == room-1 && len(s.rescue.Changes) > room {
				lines = append(lines, st.Muted.Render(fmt.Sprintf("  … and %d more", len(s.rescue.Changes)-i)))
				break
			}
			lines = append(lines, common.TruncateCells("  "+describe(ch), s.width))
		}
		lines = append(lines, "", st.Muted.Render(common.TruncateCells("y: bring them back · n: keep the file for later · d: delete it", s.width)))
	}
	if s.busy {
		lines = append(lines, st.Muted.Render("Bringing them back…"))
	}
	return strings.Join(lines, "\n")
}

// describe is one change in words: what kind, and whose.
func describe(ch store.RescuedChange) string {
	var rec struct {
		ID    json.RawMessage `json:"id"`
		Name  string          `json:"name"`
		Notes []model.Note    `json:"notes"`
		Entry *struct {
			Kind model.InteractionKind `json:"kind"`
		} `json:"entry"`
	}
	_ = json.Unmarshal(ch.Record, &rec)
	text := ch.Kind
	switch {
	case ch.Kind == store.RescueInterview:
		text = fmt.Sprintf("interview %s with %d %s", rec.ID, len(rec.Notes), common.Plural(len(rec.Notes), "note", "notes"))
	case rec.Entry != nil:
		text = fmt.Sprintf("timeline entry (%s)", rec.Entry.Kind)
	case rec.Name != "":
		text += " " + rec.Name
	}
	return safetext.Line(text)
}

func (s screen) SetSize(w, h int) common.Screen { s.width, s.height = w, h; return s }
func (s screen) Capturing() bool                { return false }
func (s screen) Watches() common.Watcher        { return common.Watching() }
func (s screen) Help() help.KeyMap {
	return common.KeyMap{Short: []key.Binding{s.keys.Restore, s.keys.Later, s.keys.Delete}}
}
