package common

import (
	"errors"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// ComposeData is everything a message can draw on, read in one command.
type ComposeData struct {
	Contact    model.Contact
	Referrer   *model.Contact // nil when not referred, or no longer in the notebook
	Profile    model.Profile
	Templates  []model.TemplateDoc
	Interviews []model.Interview
	Timeline   []model.Interaction
	Settings   model.Settings
}

// Results of the outreach store commands.
type (
	ComposeLoadedMsg struct {
		ContactID uint64
		Data      ComposeData
		Err       error
	}
	profileSavedMsg struct {
		profile model.Profile
		err     error
	}
	TemplatesLoadedMsg struct {
		Templates []model.TemplateDoc
		Err       error
	}
	// templateSavedMsg reports a save, reset or delete; the list reloads.
	templateSavedMsg struct {
		doc     model.TemplateDoc
		deleted bool
		err     error
	}
	SettingsLoadedMsg struct {
		Settings model.Settings
		Err      error
	}
	settingsSavedMsg struct {
		settings model.Settings
		err      error
	}
	// MessageLoggedMsg reports a sent message on the timeline, with the
	// contact as the move left them.
	MessageLoggedMsg struct {
		Interaction model.Interaction
		Contact     model.Contact
		Err         error
	}
)

func (m ComposeLoadedMsg) Failed() error   { return m.Err }
func (m profileSavedMsg) Failed() error    { return m.err }
func (m TemplatesLoadedMsg) Failed() error { return m.Err }
func (m SettingsLoadedMsg) Failed() error  { return m.Err }
func (m settingsSavedMsg) Failed() error   { return m.err }
func (m MessageLoggedMsg) Failed() error   { return m.Err }
func (m templateSavedMsg) Failed() error   { return m.err }

// changesOf is the change a write of one kind reports, if it went through.
func changesOf(err error, ch NotebookChangedMsg) []NotebookChangedMsg {
	if err != nil {
		return nil
	}
	return []NotebookChangedMsg{ch}
}

func (m profileSavedMsg) Changes() []NotebookChangedMsg {
	return changesOf(m.err, NotebookChangedMsg{Kind: ChangedProfile})
}

func (m templateSavedMsg) Changes() []NotebookChangedMsg {
	return changesOf(m.err, NotebookChangedMsg{Kind: ChangedTemplates})
}

func (m settingsSavedMsg) Changes() []NotebookChangedMsg {
	return changesOf(m.err, NotebookChangedMsg{Kind: ChangedSettings})
}

func (m MessageLoggedMsg) Changes() []NotebookChangedMsg {
	if m.Err != nil {
		return nil
	}
	c := m.Contact
	return []NotebookChangedMsg{{Kind: ChangedTimeline, ContactID: c.ID},
		{Kind: ChangedContact, ContactID: c.ID, Contact: &c}}
}

func LoadCompose(s *store.Store, contactID uint64) tea.Cmd {
	return func() tea.Msg {
		var d ComposeData
		var err error
		fail := func(e error) tea.Msg { return ComposeLoadedMsg{ContactID: contactID, Err: e} }
		if d.Contact, err = s.Contact(contactID); err != nil {
			return fail(err)
		}
		if id := d.Contact.ReferredBy; id != 0 {
			r, err := s.Contact(id)
			switch {
			case err == nil:
				d.Referrer = &r
			case !errors.Is(err, store.ErrNotFound):
				return fail(err)
			}
		}
		if d.Profile, err = s.Profile(); err != nil {
			return fail(err)
		}
		if d.Templates, err = s.Templates(); err != nil {
			return fail(err)
		}
		if d.Interviews, err = s.Interviews(contactID); err != nil {
			return fail(err)
		}
		if d.Timeline, err = s.Interactions(contactID); err != nil {
			return fail(err)
		}
		if d.Settings, err = s.Settings(); err != nil {
			return fail(err)
		}
		return ComposeLoadedMsg{ContactID: contactID, Data: d}
	}
}

func SaveProfile(s *store.Store, p model.Profile) tea.Cmd {
	return func() tea.Msg {
		saved, err := s.PutProfile(p)
		return profileSavedMsg{saved, err}
	}
}

func LoadTemplates(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		ts, err := s.Templates()
		return TemplatesLoadedMsg{ts, err}
	}
}

func SaveTemplate(s *store.Store, d model.TemplateDoc) tea.Cmd {
	return func() tea.Msg {
		saved, err := s.PutTemplate(d)
		return templateSavedMsg{doc: saved, err: err}
	}
}

func ResetTemplate(s *store.Store, id string) tea.Cmd {
	return func() tea.Msg {
		d, err := s.ResetTemplate(id)
		return templateSavedMsg{doc: d, err: err}
	}
}

func DeleteTemplate(s *store.Store, d model.TemplateDoc) tea.Cmd {
	return func() tea.Msg { return templateSavedMsg{doc: d, deleted: true, err: s.DeleteTemplate(d.ID)} }
}

func LoadSettings(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		st, err := s.Settings()
		return SettingsLoadedMsg{st, err}
	}
}

func SaveSettings(s *store.Store, st model.Settings) tea.Cmd {
	return func() tea.Msg {
		if err := s.PutSettings(st); err != nil {
			return settingsSavedMsg{st, err}
		}
		saved, err := s.Settings()
		return settingsSavedMsg{saved, err}
	}
}

// LogSent keeps the exact text on the contact's timeline and moves the
// pipeline in the same transaction (store.AddInteraction with advance).
func LogSent(s *store.Store, m model.SentMessage) tea.Cmd {
	return func() tea.Msg {
		it := model.Interaction{ContactID: m.ContactID, Kind: m.Purpose.InteractionKind(), At: m.At,
			Channel: string(m.Channel), Text: m.Text}
		saved, err := s.AddInteraction(it, true)
		if err != nil {
			return MessageLoggedMsg{Interaction: it, Err: err}
		}
		c, err := s.Contact(m.ContactID)
		return MessageLoggedMsg{Interaction: saved, Contact: c, Err: err}
	}
}

// SetContactStage is the user moving a contact by hand (to "no reply").
func SetContactStage(s *store.Store, c model.Contact, to model.Stage, now time.Time) tea.Cmd {
	c.SetStage(to)
	return SaveContact(s, c, now)
}

// AllowKeepInTouch records that the contact may hear from the user again,
// which starts the keep-in-touch clock for the later update.
func AllowKeepInTouch(s *store.Store, c model.Contact, now time.Time) tea.Cmd {
	c.MayContactAgain = true
	return SaveContact(s, c, now)
}

// WithInfo runs cmd and, only if it succeeded, puts a line in the status
// bar, so a failed save never shows "Saved".
func WithInfo(cmd tea.Cmd, format string, a ...any) tea.Cmd {
	return func() tea.Msg {
		msg := cmd()
		if f, ok := msg.(Failure); ok && f.Failed() != nil {
			return msg
		}
		return tea.BatchMsg{func() tea.Msg { return msg }, Info(format, a...)}
	}
}
