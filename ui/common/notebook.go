package common

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/questions"
	"parley/store"
)

// Notebook is everything the first screen and the list compute from: the
// contacts, every interview and timeline entry, and the due-date rules. It
// is read in one command and shared read-only by the screens that get it.
type Notebook struct {
	Contacts     []model.Contact
	Interviews   []model.Interview
	Interactions []model.Interaction
	Settings     model.Settings
}

// NotebookLoadedMsg carries a fresh read of the whole notebook.
type NotebookLoadedMsg struct {
	Notebook Notebook
	Err      error
}

func (m NotebookLoadedMsg) Failed() error { return m.Err }

// LoadNotebook reads the whole notebook. Interview notes come along: the
// agenda needs every interview's schedule and clock, and one snapshot
// transaction is both simpler and consistent.
func LoadNotebook(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		snap, err := s.Snapshot()
		if err != nil {
			return NotebookLoadedMsg{Err: err}
		}
		st, err := s.Settings()
		if err != nil {
			return NotebookLoadedMsg{Err: err}
		}
		return NotebookLoadedMsg{Notebook: Notebook{Contacts: snap.Contacts, Interviews: snap.Interviews,
			Interactions: snap.Interactions, Settings: st}}
	}
}

// Results of the pipeline's actions.
type (
	// interactionLoggedMsg reports an entry added to a contact's timeline
	// (and the stage move it made, which the store did in the same step).
	interactionLoggedMsg struct {
		interaction model.Interaction
		err         error
	}
	// InterviewScheduledMsg reports an agreed meeting.
	InterviewScheduledMsg struct {
		interview model.Interview
		Err       error
	}
)

func (m interactionLoggedMsg) Failed() error  { return m.err }
func (m InterviewScheduledMsg) Failed() error { return m.Err }

// LogInteraction adds it to the timeline, moving the contact forward.
func LogInteraction(s *store.Store, it model.Interaction) tea.Cmd {
	return func() tea.Msg {
		saved, err := s.AddInteraction(it, true)
		return interactionLoggedMsg{saved, err}
	}
}

// ScheduleInterview records the meeting; the store moves the contact to
// Scheduled in the same transaction.
func ScheduleInterview(s *store.Store, iv model.Interview, sch model.Schedule) tea.Cmd {
	return func() tea.Msg {
		if iv.ID == 0 && len(iv.Questions) == 0 {
			// A new interview starts from the same plan s would give, so
			// it is ready to run when the day comes.
			st, err := s.QuestionBank()
			if err != nil {
				return InterviewScheduledMsg{Err: err}
			}
			iv.Questions = questions.StartingPlan(st.Default(), questions.Bank(st), sch.Budget()).Questions()
		}
		saved, err := s.ScheduleInterview(iv, sch)
		return InterviewScheduledMsg{saved, err}
	}
}

// InterviewCreatedMsg reports a new interview, ready to run; the screen
// that asked opens it.
type InterviewCreatedMsg struct {
	Interview model.Interview
	Err       error
}

func (m InterviewCreatedMsg) Failed() error { return m.Err }

func (m InterviewCreatedMsg) Changes() []NotebookChangedMsg {
	if m.Err != nil {
		return nil
	}
	iv := m.Interview
	return []NotebookChangedMsg{{Kind: ChangedInterview, ContactID: iv.ContactID, Interview: &iv}}
}

// StartInterview creates an interview from the starting plan, the user's
// default set or a balanced pick from their bank, for the default budget.
func StartInterview(s *store.Store, contactID uint64, now time.Time) tea.Cmd {
	return func() tea.Msg {
		st, err := s.QuestionBank()
		if err != nil {
			return InterviewCreatedMsg{Err: err}
		}
		iv := model.NewInterview(contactID, nil, now)
		iv.Questions = questions.StartingPlan(st.Default(), questions.Bank(st), iv.Budget).Questions()
		saved, err := s.PutInterview(iv)
		return InterviewCreatedMsg{saved, err}
	}
}

func (m interactionLoggedMsg) Changes() []NotebookChangedMsg {
	if m.err != nil {
		return nil
	}
	return []NotebookChangedMsg{{Kind: ChangedTimeline, ContactID: m.interaction.ContactID}}
}

func (m InterviewScheduledMsg) Changes() []NotebookChangedMsg {
	if m.Err != nil {
		return nil
	}
	iv := m.interview
	return []NotebookChangedMsg{{Kind: ChangedInterview, ContactID: iv.ContactID, Interview: &iv}}
}

// DayLabel names a day relative to today: "today", "tomorrow", "Thu 14
// Mar" — the way people think about the week ahead.
func DayLabel(t, now time.Time) string {
	switch model.DaysBetween(now, t, now.Location()) {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	case -1:
		return "yesterday"
	}
	if t.Year() != now.Year() {
		return t.In(now.Location()).Format("2 Jan 2006")
	}
	return t.In(now.Location()).Format("Mon 2 Jan")
}
