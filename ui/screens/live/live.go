// Package live is the live interview: clock, questions, notes and wrap-up.
package live

import (
	"errors"
	"parley/ui/common"
	"parley/ui/components/confirm"
	"parley/ui/components/editor"
	"parley/ui/components/notes"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// autosaveDelay is how long a change may wait before it is written. Changes
// are gathered for this long and then written together, so a burst of
// typing costs one write and nothing waits longer than this to be saved.
const autosaveDelay = 500 * time.Millisecond

type pane int

const (
	paneChecklist pane = iota
	paneNotes
	paneWrapUp
)

// InterviewScreen is the live interview: the clock, the current question,
// the checklist and the notes, saved as they change.
type InterviewScreen struct {
	c *common.Common
	// keys and input are behind pointers: the screen is copied with
	// every message, and they are 7 of its 9 KB. keys never change;
	// input is the screen's own, replaced by no copy.
	keys      *interviewKeys
	contact   model.Contact
	Interview model.Interview // iv.Notes is stale: the notes pane holds them
	notes     notes.NotesPane
	wrap      *wrapUpPane
	// wrapPart is the wrap-up part that has focus when the wrap-up does.
	focus  pane
	cursor int // checklist row: questions first, then closing steps

	input        *textinput.Model
	inputFor     inputPurpose
	choosing     choice
	choiceKeys   choiceKeys
	inputProblem string

	showClosing bool
	// now is the wall clock at the last update; View draws from it.
	now     time.Time
	tickGen int

	// owner is this screen's token with the interview writer; gen counts
	// changes made here and savedGen the ones known to be on disk.
	owner         uint64
	gen           uint64
	savedGen      uint64
	saveScheduled bool
	saveErr       error
	// conflict is set when a save lost a race with another write: saving
	// stops until the user says to save their version over it.
	conflict bool

	thankYouDays int
	// editing is set while the notes are out in $EDITOR.
	editing bool

	width, height int

	// viewGen counts the changes to this screen other than clock ticks:
	// every message but a tick, a resize, a turn of the wheel. ticked
	// keeps what a tick leaves unchanged (see tickedFrame).
	viewGen uint64
	ticked  *tickedFrame
}

// Messages private to the interview screen, tagged with the interview's ID
// (and, for ticks, a generation) so stale ones are dropped.
type (
	clockTickMsg struct {
		id  uint64
		gen int
	}
	autosaveMsg struct{ id uint64 }
)

func (m clockTickMsg) ForInterview() uint64 { return m.id }
func (m autosaveMsg) ForInterview() uint64  { return m.id }

// ClockTick: a tick changes the clock line and, as time passes, the prompt,
// never the keys (common.ClockTick).
func (clockTickMsg) ClockTick() {}

func newInterviewScreen(c *common.Common, contact model.Contact, iv model.Interview) InterviewScreen {
	s := InterviewScreen{
		ticked: &tickedFrame{},
		c:      c, keys: ptr(newInterviewKeys()), contact: contact, Interview: iv,
		notes: notes.NewNotesPane(c.Styles, iv.Notes), focus: paneNotes,
		input: ptr(common.NewInput(c.Styles, "")), owner: c.Interviews.NewOwner(), now: c.Now(),
		wrap: newWrapUpPane(c, iv.WrapUp), thankYouDays: model.DefaultThankYouDays,
		choiceKeys: newChoiceKeys(),
	}
	s.wrap.mayUseName, s.wrap.clocked = contact.MayMentionName, iv.Clock.Accumulated
	s.wrap.heldOn = model.InterviewDay(iv)
	s.notes.Focused = true
	if s.staleClock() {
		// Most likely left running: ask before counting on it.
		s.choosing = choice{purpose: choiceStaleClock}
	}
	if s.ended() {
		// Back to a finished interview: the wrap-up is what is left to do.
		s.SetFocus(paneWrapUp)
	}
	return s
}

// Load starts the clock's ticks if the interview is running, and reads the
// due-date rules the wrap-up needs.
func (s InterviewScreen) Load() tea.Cmd {
	return tea.Batch(s.tick(), common.LoadSettings(s.c.Store), loadLastThanks(s.c.Store, s.Interview.ContactID))
}

func (s InterviewScreen) ended() bool { return s.Interview.Clock.State() == model.Ended }

// tick asks for a re-render when the clock's display next changes: the
// next whole second of elapsed time, which follows the wall clock.
func (s InterviewScreen) tick() tea.Cmd {
	if s.Interview.Clock.State() != model.Running {
		return nil
	}
	elapsed := s.Interview.Elapsed(s.now)
	wait := time.Second - elapsed%time.Second
	id, gen := s.Interview.ID, s.tickGen
	return s.c.After(wait, func(time.Time) tea.Msg { return clockTickMsg{id, gen} })
}

// Changed records a change to the interview and makes sure a save follows.
func (s *InterviewScreen) Changed() tea.Cmd {
	s.gen++
	if s.saveScheduled || s.conflict {
		return nil
	}
	s.saveScheduled = true
	id := s.Interview.ID
	return s.c.After(autosaveDelay, func(time.Time) tea.Msg { return autosaveMsg{id} })
}

// snapshot is the interview as it stands, notes included, safe to hand to a
// command: it shares nothing the screen will change.
func (s InterviewScreen) snapshot() model.Interview {
	iv := s.Interview
	iv.Questions = append([]model.Question(nil), s.Interview.Questions...)
	iv.Closing = append([]model.Question(nil), s.Interview.Closing...)
	iv.WrapUp = s.wrap.apply(s.Interview.WrapUp)
	iv.Notes = s.notes.Notes()
	return iv
}

func (s InterviewScreen) Unsaved() bool { return s.gen > s.savedGen || s.typing() }

// typing is true while a question or a budget is being typed under the
// checklist, or a referral in the wrap-up.
func (s InterviewScreen) typing() bool {
	return s.inputFor != inputNone && strings.TrimSpace(s.input.Value()) != "" || s.wrap.typing()
}

// Save is the command writing the interview as it stands.
func (s InterviewScreen) Save() tea.Cmd {
	return s.c.Interviews.Save(s.c.Store, s.owner, s.gen, s.snapshot())
}

// Watches: the contact's name and details show in the header.
func (s InterviewScreen) Watches() common.Watcher { return common.Watching(common.ChangedContact) }

func (s InterviewScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	s.now = s.c.Now()
	if _, tick := msg.(clockTickMsg); !tick {
		s.viewGen++
	}
	switch msg := msg.(type) {
	case clockTickMsg:
		if msg.id != s.Interview.ID || msg.gen != s.tickGen {
			return s, nil
		}
		return s, s.tick()
	case autosaveMsg:
		if msg.id != s.Interview.ID {
			return s, nil
		}
		s.saveScheduled = false
		if !s.Unsaved() || s.conflict {
			return s, nil
		}
		return s, s.Save()
	case common.InterviewSavedMsg:
		if msg.Interview.ID != s.Interview.ID || msg.Save.Owner != s.owner {
			return s, nil
		}
		return s.Saved(msg)
	case interviewHeldMsg:
		if msg.saved.Interview.ID != s.Interview.ID {
			return s, nil
		}
		return s.Saved(msg.saved)
	case common.NotebookChangedMsg:
		if msg.Contact != nil && msg.Contact.ID == s.contact.ID {
			s.contact = *msg.Contact
			s.wrap.mayUseName = s.contact.MayMentionName
		}
	case thanksLoadedMsg:
		// A thank-you logged on or after the day the interview ended
		// answers the wrap-up's due date.
		if msg.contactID == s.Interview.ContactID && msg.err == nil && s.ended() &&
			!model.DueDate(msg.at, 0).Before(model.DueDate(s.Interview.Clock.EndedAt, 0)) {
			s.wrap.thanked = msg.at
		}
	case common.SettingsLoadedMsg:
		if msg.Err == nil {
			s.thankYouDays = msg.Settings.ThankYouDays
		}
	case endInterviewMsg:
		if msg.id == s.Interview.ID && !s.ended() {
			return s.end()
		}
	case notesEditedMsg:
		if msg.interviewID != s.Interview.ID {
			return s, nil
		}
		s.editing = false
		if msg.err != nil {
			return s, nil
		}
		s.notes.Replace(msg.notes)
		s.notes.Changed = false
		return s, tea.Batch(s.Changed(), common.Info("Notes updated from the editor."))
	case makeContactMsg:
		if s.wrap.indexOf(msg.ref) < 0 {
			delete(s.wrap.making, refKey(msg.ref))
			return s, nil // removed meanwhile
		}
		return s, makeReferralContact(s.c.Store, s.Interview.ID, msg.ref, s.contact, s.now)
	case referralContactMsg:
		if msg.interviewID == s.Interview.ID && msg.err != nil {
			delete(s.wrap.making, refKey(msg.ref))
		}
		if msg.interviewID == s.Interview.ID && msg.err == nil {
			s.wrap.linked(msg.ref, msg.contact.ID)
			return s, tea.Batch(s.Changed(), common.Info("%s added to your contacts, referred by %s.", msg.contact.Name, s.contact.Name))
		}
	case tea.KeyMsg:
		if s.editing {
			// The notes are in $EDITOR (or on their way there or back):
			// what is typed here now would be overwritten by what returns.
			return s, nil
		}
		return s.HandleKey(msg)
	}
	return s, nil
}

func (s InterviewScreen) Saved(msg common.InterviewSavedMsg) (common.Screen, tea.Cmd) {
	if msg.Superseded {
		return s, nil // a newer save of ours is on its way
	}
	if errors.Is(msg.Err, store.ErrConflict) {
		// Someone else wrote the interview: keep the text on screen and
		// stop saving over it until the user says so (ctrl+s).
		s.saveErr, s.conflict = msg.Err, true
		return s, nil
	}
	if msg.Err != nil {
		s.saveErr = msg.Err
		if s.saveScheduled {
			return s, nil
		}
		// Keep trying: the changes are still in memory and will be written
		// once the disk lets us, or on exit.
		s.saveScheduled = true
		id := s.Interview.ID
		return s, s.c.After(common.SaveRetryDelay, func(time.Time) tea.Msg { return autosaveMsg{id} })
	}
	s.saveErr = nil
	s.Interview.Rev = max(s.Interview.Rev, msg.Interview.Rev)
	s.savedGen = max(s.savedGen, msg.Save.Gen)
	return s, nil
}

// keepMine saves the user's version over one written elsewhere, after a
// conflict: it builds on the stored revision, read in the command.
func (s InterviewScreen) keepMine() (common.Screen, tea.Cmd) {
	s.conflict, s.saveErr = false, nil
	snap, st, w, owner, gen := s.snapshot(), s.c.Store, s.c.Interviews, s.owner, s.gen
	return s, func() tea.Msg {
		stored, err := st.Interview(snap.ID)
		if err != nil {
			return common.InterviewSavedMsg{Save: common.InterviewSave{Interview: snap, Owner: owner, Gen: gen}, Err: err}
		}
		snap.Rev = stored.Rev
		return w.Write(st, common.InterviewSave{Interview: snap, Owner: owner, Gen: gen, Seq: w.Ticket()})
	}
}

func (s InterviewScreen) HandleKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	if s.choosing.purpose != choiceNone {
		return s.handleChoice(msg)
	}
	if s.inputFor != inputNone {
		return s.handleInput(msg)
	}
	switch {
	case s.conflict && key.Matches(msg, s.keys.KeepMine):
		return s.keepMine()
	case key.Matches(msg, s.keys.StartPause):
		return s.startPause()
	case key.Matches(msg, s.keys.End) && s.ended():
		return s, common.Info("This interview has ended.")
	case key.Matches(msg, s.keys.End) && s.Interview.Clock.State() == model.NotStarted:
		// Nothing was timed: most likely it did not take place.
		return s.openChoice(choiceNotHeld, 0)
	case key.Matches(msg, s.keys.End):
		return s, common.Push(confirm.NewConfirm(s.c, "End the interview?",
			"The clock stops for good and the wrap-up opens.", func() tea.Msg { return endInterviewMsg{s.Interview.ID} }))
	case key.Matches(msg, s.keys.TickNext):
		// What is ticked is what the top line shows, closing steps included.
		if s.Interview.TickPrompt(s.now) {
			return s, s.Changed()
		}
		return s, nil
	case key.Matches(msg, s.keys.SwitchPane):
		return s, s.cycleFocus()
	case key.Matches(msg, s.keys.SwitchBack):
		// Backwards is forwards all the way round but one.
		var cmds []tea.Cmd
		for range s.focusStops() - 1 {
			cmds = append(cmds, s.cycleFocus())
		}
		return s, tea.Batch(cmds...)
	case key.Matches(msg, s.keys.Editor):
		return s.openEditor()
	}
	if s.focus == paneWrapUp {
		if key.Matches(msg, s.keys.Back) && !(s.wrap.part == partReferrals && s.wrap.adding) {
			return s, common.Pop
		}
		changed, cmd := s.wrap.Update(msg)
		if changed {
			s.Interview.CorrectLength(s.wrap.lastLength)
			return s, tea.Batch(cmd, s.Changed())
		}
		return s, cmd
	}
	if s.focus == paneNotes {
		if key.Matches(msg, s.keys.NotesBlur) {
			s.SetFocus(paneChecklist)
			return s, nil
		}
		if key.Matches(msg, s.keys.StarNote) {
			s.notes.ToggleStar()
			s.notes.Changed = false
			return s, s.Changed()
		}
		// A paragraph goes under the question the top line shows.
		s.notes.Update(msg, s.Interview.Elapsed(s.now), s.Interview.QuestionIDAt(s.now))
		if s.notes.Changed {
			s.notes.Changed = false
			return s, s.Changed()
		}
		return s, nil
	}
	return s.handleChecklistKey(msg)
}

// openEditor hands the notes to $EDITOR. The clock keeps running meanwhile:
// it follows the wall clock.
func (s InterviewScreen) openEditor() (common.Screen, tea.Cmd) {
	if s.editing {
		return s, nil
	}
	s.editing = true
	iv := s.Interview
	text := model.FormatNotesFile(s.contact.Name, s.notes.Notes(), func(id int) string {
		q, _ := iv.QuestionByID(id)
		return q.Text
	})
	// A paragraph new in the editor is stamped with the clock as the
	// editor closes, read in the command that reads the file back.
	id, now := iv.ID, s.c.Now
	stamp := func(text string) []model.Note { return model.ParseNotesFile(text, iv.Elapsed(now())) }
	return s, editor.EditText(text, "notes.md", "the notes", s.c, stamp, func(notes []model.Note, err error) tea.Msg {
		return notesEditedMsg{interviewID: id, notes: notes, err: err}
	})
}

// markNotHeld records that the interview did not take place and leaves
// the screen; the contact stays where they were and no thank-you is due.
func (s InterviewScreen) markNotHeld(why model.NotHeldReason) (common.Screen, tea.Cmd) {
	if !s.Interview.MarkNotHeld(why) {
		return s, nil
	}
	s.tickGen++
	s.gen++ // written as the screen closes (SaveNow)
	return s, tea.Batch(common.Pop, common.Info("Recorded as not held (%s). Nothing falls due for it.", why))
}

// endInterviewMsg comes back from the end confirmation.
type endInterviewMsg struct{ id uint64 }

// end stops the clock for good, opens the wrap-up and puts the interview on
// the contact's timeline, which moves them to interviewed.
func (s InterviewScreen) end() (common.Screen, tea.Cmd) {
	return s.endWithLength(s.Interview.Elapsed(s.now))
}

// endWithLength ends the interview as end does, with length as its actual
// length (a clock left running is stopped where it read length).
func (s InterviewScreen) endWithLength(length time.Duration) (common.Screen, tea.Cmd) {
	s.Interview.EndAfter(length, s.now, s.thankYouDays)
	s.tickGen++
	s.wrap = newWrapUpPane(s.c, s.Interview.WrapUp)
	s.wrap.mayUseName, s.wrap.clocked = s.contact.MayMentionName, s.Interview.Clock.Accumulated
	s.wrap.heldOn = model.InterviewDay(s.Interview)
	s.layout()
	focusCmd := s.SetFocus(paneWrapUp)
	s.gen++
	snap := s.snapshot()
	held := s.c.Interviews.Save(s.c.Store, s.owner, s.gen, snap)
	return s, tea.Batch(focusCmd, logInterviewHeld(s.c.Store, held, snap, s.now),
		common.Info("Interview ended after %s. Write down what you learned while it is fresh.", model.FormatClock(s.Interview.WrapUp.Length)))
}

func (s *InterviewScreen) SetFocus(p pane) tea.Cmd {
	s.focus = p
	s.notes.Focused = p == paneNotes
	if p != paneWrapUp {
		s.wrap.blur()
		return nil
	}
	return s.wrap.focus(s.wrap.part)
}

// focusStops is how many places tab visits.
func (s InterviewScreen) focusStops() int {
	if s.ended() {
		return int(wrapUpParts) + 2 // the wrap-up's parts, notes, questions
	}
	return 2
}

// cycleFocus moves focus on with tab: questions and notes during the
// interview; the wrap-up's parts, the notes and the questions after it.
func (s *InterviewScreen) cycleFocus() tea.Cmd {
	if !s.ended() {
		if s.focus == paneNotes {
			return s.SetFocus(paneChecklist)
		}
		return s.SetFocus(paneNotes)
	}
	switch {
	case s.focus == paneWrapUp && s.wrap.part < wrapUpParts-1:
		s.wrap.part++
		return s.SetFocus(paneWrapUp)
	case s.focus == paneWrapUp:
		return s.SetFocus(paneNotes)
	case s.focus == paneNotes:
		return s.SetFocus(paneChecklist)
	default:
		s.wrap.part = partTakeaways
		return s.SetFocus(paneWrapUp)
	}
}

func (s InterviewScreen) startPause() (common.Screen, tea.Cmd) {
	if s.Interview.Clock.State() == model.Ended {
		return s, common.Info("This interview has ended.")
	}
	if s.Interview.NotHeld != "" {
		return s, common.Info("This interview is marked not held (%s); n on the contact page changes that.", s.Interview.NotHeld)
	}
	s.Interview.Clock = s.Interview.Clock.Toggle(s.now)
	s.tickGen++
	return s, tea.Batch(s.Changed(), s.tick())
}

func (s InterviewScreen) SetSize(w, h int) common.Screen {
	s.width, s.height = w, h
	s.viewGen++
	s.now = s.c.Now()
	s.layout()
	return s
}

func (s InterviewScreen) Capturing() bool {
	return s.focus == paneNotes || s.inputFor != inputNone || s.choosing.purpose != choiceNone ||
		(s.focus == paneWrapUp && s.wrap.Capturing())
}

// SaveNow writes unsaved changes when the screen closes.
func (s InterviewScreen) SaveNow() tea.Cmd {
	if !s.Unsaved() {
		return nil
	}
	return s.Save()
}

// Flush writes unsaved changes once the program has stopped.
func (s InterviewScreen) Flush(st *store.Store) error {
	if s.typing() {
		// A question, budget or referral being typed is kept as if enter
		// had been pressed; a budget that cannot be read is left out.
		if s.inputFor != inputNone {
			if sc, _ := s.submitInput(); sc.(InterviewScreen).inputFor == inputNone {
				s = sc.(InterviewScreen)
			}
		}
		if s.wrap.keepTyped() {
			s.gen++
		}
	}
	if s.gen <= s.savedGen {
		return nil
	}
	return s.c.Interviews.WriteNow(st, s.owner, s.snapshot())
}

// notesEditedMsg carries the notes back from $EDITOR.
type notesEditedMsg struct {
	interviewID uint64
	notes       []model.Note
	err         error
}

func (m notesEditedMsg) Failed() error        { return m.err }
func (m notesEditedMsg) ForInterview() uint64 { return m.interviewID }

// OpenLive builds the live screen of an interview; the root first brings
// forward the one already open, if there is one.
func OpenLive(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if m, ok := msg.(common.OpenInterviewMsg); ok {
		s := newInterviewScreen(c, m.Contact, m.Interview)
		if m.NoteNumber > 0 {
			s.notes.OpenAt(m.NoteNumber - 1)
			s.SetFocus(paneNotes)
		}
		return s, true
	}
	return nil, false
}

// QuitWarning: a clock left running keeps counting while Parley is closed.
func (s InterviewScreen) QuitWarning() string {
	if s.Interview.Clock.State() != model.Running {
		return ""
	}
	return "Clock running: it keeps counting while Parley is closed."
}

// OwnsInterview: this screen is the interview's one live owner.
func (s InterviewScreen) OwnsInterview() uint64 { return s.Interview.ID }

// IsAutosave reports whether msg is a live screen's autosave timer, so a
// test driving the whole app can fire it by hand.
func IsAutosave(msg tea.Msg) bool { _, ok := msg.(autosaveMsg); return ok }

func ptr[T any](v T) *T { return &v }
