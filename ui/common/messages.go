package common

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// Navigation between screens.
type (
	PushMsg struct{ S Screen }
	PopMsg  struct{}
)

// OpenInterviewMsg asks the root for the live screen of an interview: the
// one already open if there is one, else a new one.
type OpenInterviewMsg struct {
	Contact   model.Contact
	Interview model.Interview
	// NoteNumber is the notes paragraph to open at, counted from 1 (an
	// answer or a search hit); 0 opens where the screen usually does.
	NoteNumber int
}

// OpenInterview asks for the live screen of interview id of c.
// The interview is read whole (checklist and notes) in the command: what
// lists hold is a header, and a live screen opened on one would show no
// notes and then save over them.
func OpenInterview(s *store.Store, c model.Contact, id uint64) tea.Cmd {
	return func() tea.Msg {
		iv, err := s.Interview(id)
		if err != nil {
			return StatusMsg{Text: PlainError(err), Err: true}
		}
		return OpenInterviewMsg{Contact: c, Interview: iv}
	}
}

// Screens name the screen they want; the root builds it (see opener), so
// no screen builds another.
type (
	OpenContactMsg struct {
		Contact model.Contact
		// EntryID is a timeline entry to show and mark (a search hit);
		// 0 for none.
		EntryID uint64
	}
	EditContactMsg  struct{ Contact model.Contact } // ID 0: a new contact
	OpenContactsMsg struct{}
	OpenBankMsg     struct{}
	OpenComposeMsg  struct {
		Contact model.Contact
		// Template is the template to start from, "" to choose one.
		Template string
	}
	OpenLogMsg struct {
		Contact model.Contact
		Kind    model.InteractionKind
	}
	OpenScheduleMsg struct {
		Contact   model.Contact
		Interview model.Interview // ID 0: a new interview
	}
	OpenPlanMsg struct {
		Contact model.Contact
		// interview is the one the plan fills, nil for a new one.
		Interview *model.Interview
	}
	OpenStagePickerMsg  struct{ Contact model.Contact }
	OpenTemplatesMsg    struct{}
	OpenTemplateFormMsg struct{ Doc model.TemplateDoc }
	OpenProfileMsg      struct {
		Profile model.Profile
		First   bool
	}
	OpenSettingsMsg struct{}
	OpenHomeMsg     struct{}
	// OpenAnswersMsg opens answers side by side and the takeaways.
	OpenAnswersMsg struct{}
	// OpenSearchMsg opens the search over the whole notebook.
	OpenSearchMsg struct{}
	// OpenStatsMsg opens progress at a glance, in full.
	OpenStatsMsg struct{}
	// OpenImportMsg asks for the screen that imports a file.
	OpenImportMsg struct{}
)

// Navigation is every message that names a screen to open.
type Navigation interface{ navigation() }

func (OpenContactMsg) navigation()      {}
func (EditContactMsg) navigation()      {}
func (OpenContactsMsg) navigation()     {}
func (OpenBankMsg) navigation()         {}
func (OpenComposeMsg) navigation()      {}
func (OpenLogMsg) navigation()          {}
func (OpenScheduleMsg) navigation()     {}
func (OpenPlanMsg) navigation()         {}
func (OpenStagePickerMsg) navigation()  {}
func (OpenTemplatesMsg) navigation()    {}
func (OpenTemplateFormMsg) navigation() {}
func (OpenProfileMsg) navigation()      {}
func (OpenSettingsMsg) navigation()     {}
func (OpenHomeMsg) navigation()         {}
func (OpenInterviewMsg) navigation()    {}
func (OpenAnswersMsg) navigation()      {}
func (OpenSearchMsg) navigation()       {}
func (OpenStatsMsg) navigation()        {}

// SearchScreen is the search screen: the root's global search key does not
// open a second one over it.
type SearchScreen interface{ SearchesEverything() }

func (OpenImportMsg) navigation() {}

// Navigate asks the root for the screen msg names.
func Navigate(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// Opener builds the screen a navigation message names, if it is one of
// its own. Each screen has one; the root asks them in turn.
type Opener func(c *Common, msg tea.Msg) (Screen, bool)

func Push(s Screen) tea.Cmd { return func() tea.Msg { return PushMsg{S: s} } }
func Pop() tea.Msg          { return PopMsg{} }

// StatusMsg puts a line in the status bar; errors stay until replaced,
// other messages fade after a few seconds.
type StatusMsg struct {
	Text string
	Err  bool
}

func Info(format string, a ...any) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: fmt.Sprintf(format, a...)} }
}

// Failure is implemented by every result message, so the root can show any
// error in the status line without each screen having to.
type Failure interface{ Failed() error }

// Computed marks a result worked out in a command from what a screen
// already holds, reading nothing from the notebook (a list sorted and
// indexed from the summary). Test drivers that answer the screens from a
// fixture instead of the notebook still deliver these.
type Computed interface{ ComputedFromHeld() }

// Results of store commands. Each carries what it read or wrote and the
// error, if any, already worded for the user.
type (
	ContactsLoadedMsg struct {
		Contacts []model.Contact
		Err      error
	}
	ContactSavedMsg struct {
		Contact model.Contact
		isNew   bool
		Err     error
	}
	ContactDeletedMsg struct {
		ID  uint64
		Err error
	}
	InterviewsLoadedMsg struct {
		ContactID  uint64
		Interviews []model.Interview
		Err        error
	}
)

func (m ContactsLoadedMsg) Failed() error   { return m.Err }
func (m ContactSavedMsg) Failed() error     { return m.Err }
func (m ContactDeletedMsg) Failed() error   { return m.Err }
func (m InterviewsLoadedMsg) Failed() error { return m.Err }

// Created reports whether the save added the contact rather than changed it.
func (m ContactSavedMsg) Created() bool { return m.isNew }

func (m ContactSavedMsg) Changes() []NotebookChangedMsg {
	if m.Err != nil {
		return nil
	}
	c := m.Contact
	return []NotebookChangedMsg{{Kind: ChangedContact, ContactID: c.ID, Contact: &c}}
}

func (m ContactDeletedMsg) Changes() []NotebookChangedMsg {
	if m.Err != nil {
		return nil
	}
	return []NotebookChangedMsg{{Kind: ChangedContact, ContactID: m.ID}}
}

// Commands that talk to the store. Each captures its arguments when made
// and touches no model state.

func LoadContacts(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		// From the compact summaries: the same contacts, a tenth the time.
		sum, err := s.Summaries()
		return ContactsLoadedMsg{sum.Contacts, err}
	}
}

func SaveContact(s *store.Store, c model.Contact, now time.Time) tea.Cmd {
	return func() tea.Msg {
		isNew := c.ID == 0
		if isNew {
			c.Created = now
			if c.Stage == "" {
				c.Stage = model.ToContact
			}
		}
		c.Updated = now
		saved, err := s.PutContact(c)
		return ContactSavedMsg{saved, isNew, err}
	}
}

func DeleteContact(s *store.Store, id uint64) tea.Cmd {
	return func() tea.Msg { return ContactDeletedMsg{id, s.DeleteContact(id)} }
}

func loadInterviews(s *store.Store, contactID uint64) tea.Cmd {
	return func() tea.Msg {
		ivs, err := s.Interviews(contactID)
		return InterviewsLoadedMsg{contactID, ivs, err}
	}
}

// PlainError words an error for the status line.
func PlainError(err error) string {
	var outside OutsideNotebook
	switch {
	case errors.As(err, &outside):
		s := outside.Error()
		return strings.ToUpper(s[:1]) + s[1:] + "."
	case errors.Is(err, store.ErrConflict):
		return "This interview was changed elsewhere. Your text is kept here: press ctrl+s to save your version over it."
	case errors.Is(err, store.ErrNotFound):
		return "That record is no longer in the notebook."
	default:
		return "Could not save or read the notebook: " + err.Error()
	}
}

// OutsideNotebook marks an error that is not the notebook's (a draft's
// file, the editor): the status line says it as it is, not as a failed
// read or save of the notebook.
type OutsideNotebook struct{ Err error }

func (e OutsideNotebook) Error() string { return e.Err.Error() }
func (e OutsideNotebook) Unwrap() error { return e.Err }

// Sentence words an error from the questions package, which starts lower
// case, as a sentence for the status line.
func Sentence(err error) string {
	s := err.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
