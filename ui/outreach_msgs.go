package ui

import (
	"errors"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// composeData is everything a message can draw on, read in one command.
type composeData struct {
	contact    model.Contact
	referrer   *model.Contact // nil when not referred, or no longer in the notebook
	profile    model.Profile
	templates  []model.TemplateDoc
	interviews []model.Interview
	timeline   []model.Interaction
	settings   model.Settings
}

// Results of the outreach store commands.
type (
	composeLoadedMsg struct {
		contactID uint64
		data      composeData
		err       error
	}
	profileSavedMsg struct {
		profile model.Profile
		err     error
	}
	templatesLoadedMsg struct {
		templates []model.TemplateDoc
		err       error
	}
	// templateSavedMsg reports a save, reset or delete; the list reloads.
	templateSavedMsg struct {
		doc     model.TemplateDoc
		deleted bool
		err     error
	}
	settingsLoadedMsg struct {
		settings model.Settings
		err      error
	}
	settingsSavedMsg struct {
		settings model.Settings
		err      error
	}
	// messageLoggedMsg reports a sent message on the timeline, with the
	// contact as the move left them.
	messageLoggedMsg struct {
		interaction model.Interaction
		contact     model.Contact
		err         error
	}
)

func (m composeLoadedMsg) failed() error   { return m.err }
func (m profileSavedMsg) failed() error    { return m.err }
func (m templatesLoadedMsg) failed() error { return m.err }
func (m settingsLoadedMsg) failed() error  { return m.err }
func (m settingsSavedMsg) failed() error   { return m.err }
func (m messageLoggedMsg) failed() error   { return m.err }
func (m templateSavedMsg) failed() error   { return m.err }

// changesOf is the change a write of one kind reports, if it went through.
func changesOf(err error, ch notebookChangedMsg) []notebookChangedMsg {
	if err != nil {
		return nil
	}
	return []notebookChangedMsg{ch}
}

func (m profileSavedMsg) changes() []notebookChangedMsg {
	return changesOf(m.err, notebookChangedMsg{kind: changedProfile})
}

func (m templateSavedMsg) changes() []notebookChangedMsg {
	return changesOf(m.err, notebookChangedMsg{kind: changedTemplates})
}

func (m settingsSavedMsg) changes() []notebookChangedMsg {
	return changesOf(m.err, notebookChangedMsg{kind: changedSettings})
}

func (m messageLoggedMsg) changes() []notebookChangedMsg {
	if m.err != nil {
		return nil
	}
	c := m.contact
	return []notebookChangedMsg{{kind: changedTimeline, contactID: c.ID},
		{kind: changedContact, contactID: c.ID, contact: &c}}
}

func loadCompose(s *store.Store, contactID uint64) tea.Cmd {
	return func() tea.Msg {
		var d composeData
		var err error
		fail := func(e error) tea.Msg { return composeLoadedMsg{contactID: contactID, err: e} }
		if d.contact, err = s.Contact(contactID); err != nil {
			return fail(err)
		}
		if id := d.contact.ReferredBy; id != 0 {
			r, err := s.Contact(id)
			switch {
			case err == nil:
				d.referrer = &r
			case !errors.Is(err, store.ErrNotFound):
				return fail(err)
			}
		}
		if d.profile, err = s.Profile(); err != nil {
			return fail(err)
		}
		if d.templates, err = s.Templates(); err != nil {
			return fail(err)
		}
		if d.interviews, err = s.Interviews(contactID); err != nil {
			return fail(err)
		}
		if d.timeline, err = s.Interactions(contactID); err != nil {
			return fail(err)
		}
		if d.settings, err = s.Settings(); err != nil {
			return fail(err)
		}
		return composeLoadedMsg{contactID: contactID, data: d}
	}
}

func saveProfile(s *store.Store, p model.Profile) tea.Cmd {
	return func() tea.Msg {
		saved, err := s.PutProfile(p)
		return profileSavedMsg{saved, err}
	}
}

func loadTemplates(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		ts, err := s.Templates()
		return templatesLoadedMsg{ts, err}
	}
}

func saveTemplate(s *store.Store, d model.TemplateDoc) tea.Cmd {
	return func() tea.Msg {
		saved, err := s.PutTemplate(d)
		return templateSavedMsg{doc: saved, err: err}
	}
}

func resetTemplate(s *store.Store, id string) tea.Cmd {
	return func() tea.Msg {
		d, err := s.ResetTemplate(id)
		return templateSavedMsg{doc: d, err: err}
	}
}

func deleteTemplate(s *store.Store, d model.TemplateDoc) tea.Cmd {
	return func() tea.Msg { return templateSavedMsg{doc: d, deleted: true, err: s.DeleteTemplate(d.ID)} }
}

func loadSettings(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		st, err := s.Settings()
		return settingsLoadedMsg{st, err}
	}
}

func saveSettings(s *store.Store, st model.Settings) tea.Cmd {
	return func() tea.Msg {
		if err := s.PutSettings(st); err != nil {
			return settingsSavedMsg{st, err}
		}
		saved, err := s.Settings()
		return settingsSavedMsg{saved, err}
	}
}

// logSent keeps the exact text on the contact's timeline and moves the
// pipeline in the same transaction (store.AddInteraction with advance).
func logSent(s *store.Store, m model.SentMessage) tea.Cmd {
	return func() tea.Msg {
		it := model.Interaction{ContactID: m.ContactID, Kind: m.Purpose.InteractionKind(), At: m.At,
			Channel: string(m.Channel), Text: m.Text}
		saved, err := s.AddInteraction(it, true)
		if err != nil {
			return messageLoggedMsg{interaction: it, err: err}
		}
		c, err := s.Contact(m.ContactID)
		return messageLoggedMsg{interaction: saved, contact: c, err: err}
	}
}

// setContactStage is the user moving a contact by hand (to "no reply").
func setContactStage(s *store.Store, c model.Contact, to model.Stage, now time.Time) tea.Cmd {
	c.SetStage(to)
	return saveContact(s, c, now)
}

// allowKeepInTouch records that the contact may hear from the user again,
// which starts the keep-in-touch clock for the later update.
func allowKeepInTouch(s *store.Store, c model.Contact, now time.Time) tea.Cmd {
	c.MayContactAgain = true
	return saveContact(s, c, now)
}

// withInfo runs cmd and, only if it succeeded, puts a line in the status
// bar, so a failed save never shows "Saved".
func withInfo(cmd tea.Cmd, format string, a ...any) tea.Cmd {
	return func() tea.Msg {
		msg := cmd()
		if f, ok := msg.(failure); ok && f.failed() != nil {
			return msg
		}
		return tea.BatchMsg{func() tea.Msg { return msg }, info(format, a...)}
	}
}
