// Package compose is the screen that writes a message to a contact.
package compose

import (
	"errors"
	"fmt"
	"parley/ui/common"
	"parley/ui/components/outbox"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// composePhase is the step of writing one message.
type composePhase int

const (
	composeLoading  composePhase = iota
	composePick                  // choose a template
	composeTakeaway              // choose the takeaway from the notes
	composeDraft                 // read, copy, save, print
	composeEdit                  // edit in place
	composeChannel               // mark as sent: how it went
)

type composeKeys struct {
	Up, Down, Choose, Back                 key.Binding
	Edit, Editor, Copy, CopySubject        key.Binding
	SaveFile, Print, Sent, Other, NoReply  key.Binding
	Templates, Profile, Settings, EditDone key.Binding
}

func newComposeKeys() composeKeys {
	return composeKeys{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Choose:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Editor:      key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "$EDITOR")),
		Copy:        key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy")),
		CopySubject: key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "copy subject")),
		SaveFile:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "save to file")),
		Print:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "print")),
		Sent:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "mark sent")),
		Other:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "other template")),
		NoReply:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "mark no reply")),
		Templates:   key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "templates")),
		Profile:     key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "profile")),
		Settings:    key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "follow-up rules")),
		EditDone:    key.NewBinding(key.WithKeys("esc", "ctrl+s"), key.WithHelp("esc", "done editing")),
	}
}

// composeScreen writes one message to one contact: pick a template, see it
// filled, edit it, copy or save or print it, and mark it sent.
type composeScreen struct {
	c         *common.Common
	keys      composeKeys
	contactID uint64
	phase     composePhase
	data      common.ComposeData
	asked     bool // the profile form was shown once already
	cursor    int  // in the template, takeaway and channel lists
	suggested string
	// start is the template the screen was opened for, taken as chosen
	// once loaded; "" to choose.
	start     string
	step      model.Step
	agenda    model.Agenda // this contact's entries only
	interview *model.Interview
	tmpl      model.TemplateDoc
	takeaway  string
	draft     model.Draft
	edited    bool
	area      textarea.Model
	scroll    int
	notice    string // the outcome of the last copy, save or print
	noticeErr bool
	width     int
	height    int
}

func NewComposeScreen(c *common.Common, contact model.Contact) composeScreen {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	ta.CharLimit = 0
	ta.MaxHeight = 0 // a long message must not be cut at 99 lines
	return composeScreen{c: c, keys: newComposeKeys(), contactID: contact.ID,
		data: common.ComposeData{Contact: contact}, area: ta}
}

func (s composeScreen) Load() tea.Cmd { return common.LoadCompose(s.c.Store, s.contactID) }

func (s composeScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ComposeLoadedMsg:
		if msg.ContactID == s.contactID && msg.Err == nil {
			return s.loaded(msg.Data)
		}
	case common.NotebookChangedMsg:
		// Placeholders come from the profile, the templates, the rules
		// and the contact: any of them edited above means a fresh read.
		if s.phase != composeLoading && (msg.Kind != common.ChangedContact || msg.ContactID == s.contactID) {
			return s, s.Load()
		}
	case outbox.CopiedMsg:
		s.setNotice(copyNotice(msg, s.draft.Subject != ""), msg.Err != nil)
	case outbox.DraftSavedMsg:
		if msg.Err == nil {
			s.setNotice("Saved to "+msg.Path+" (readable by you alone).", false)
		}
	case outbox.DraftPrintedMsg:
		if msg.Err != nil {
			s.setNotice("Could not print the message: "+msg.Err.Error(), true)
		} else {
			s.setNotice("Printed on the terminal's main screen; it stays there after Parley quits.", false)
		}
	case outbox.DraftEditedMsg:
		if msg.Err == nil {
			s.setText(msg.Text)
		}
	case common.MessageLoggedMsg:
		if msg.Err == nil && msg.Interaction.ContactID == s.contactID {
			return s, s.logged(msg)
		}
	case composeRepickMsg:
		if msg.contactID == s.contactID {
			s.phase, s.cursor, s.edited, s.notice = composePick, s.templateIndex(), false, ""
		}
	case tea.KeyMsg:
		return s.HandleKey(msg)
	}
	return s, nil
}

// loaded takes fresh data. The first load picks the template suggested
// by the contact's next step; a reload (after the profile, a template or
// the rules changed) keeps the user's place and refills an unedited draft.
func (s composeScreen) loaded(d common.ComposeData) (common.Screen, tea.Cmd) {
	s.data = d
	now := s.c.Now()
	acts := model.Summarize(now, d.Interviews, d.Timeline)
	s.step = model.NextStep(now, d.Contact, acts[d.Contact.ID], d.Settings)
	s.agenda = model.NextStepsFrom(now, []model.Contact{d.Contact}, acts, d.Settings)
	s.interview = latestHeld(d.Interviews)
	var cmd tea.Cmd
	if s.phase == composeLoading {
		s.phase = composePick
		s.suggested = model.SuggestedTemplate(d.Contact, s.step)
		s.cursor = max(slices.IndexFunc(d.Templates, func(t model.TemplateDoc) bool { return t.ID == s.suggested }), 0)
		// Asked once, the first time a message needs it: a profile never
		// given. A partly filled one is the user's choice; its gaps show.
		if d.Profile == (model.Profile{}) && !s.asked {
			s.asked = true
			cmd = common.Navigate(common.OpenProfileMsg{Profile: d.Profile, First: true})
		}
	}
	s.cursor = min(s.cursor, max(len(d.Templates)-1, 0))
	if i := slices.IndexFunc(d.Templates, func(t model.TemplateDoc) bool { return t.ID == s.start }); i >= 0 && s.phase == composePick {
		// Opened for this template: as if chosen from the list.
		s.start, s.cursor = "", i
		next, chooseCmd := s.pickKey(tea.KeyMsg{Type: tea.KeyEnter})
		return next, tea.Batch(cmd, chooseCmd)
	}
	if i := slices.IndexFunc(d.Templates, func(t model.TemplateDoc) bool { return t.ID == s.tmpl.ID }); i >= 0 {
		s.tmpl = d.Templates[i]
	}
	if (s.phase == composeDraft || s.phase == composeChannel) && !s.edited {
		s.fill()
	}
	return s, cmd
}

// latestHeld is the interview the thank-you and update are about.
func latestHeld(ivs []model.Interview) *model.Interview {
	var best *model.Interview
	var bestAt time.Time
	for i := range ivs {
		if at, ok := ivs[i].HeldAt(); ok && (best == nil || at.After(bestAt)) {
			best, bestAt = &ivs[i], at
		}
	}
	return best
}

func (s *composeScreen) setNotice(text string, isErr bool) { s.notice, s.noticeErr = text, isErr }

func copyNotice(m outbox.CopiedMsg, hasSubject bool) string {
	switch {
	case errors.Is(m.Err, outbox.ErrNoClipboard), errors.Is(m.Err, outbox.ErrClipboardTooLarge):
		return m.Err.Error() + " (p prints, f saves)."
	case m.Err != nil:
		return "Could not copy: " + m.Err.Error() + ". Press p to print it or f to save it."
	}
	var text string
	switch m.Tmux {
	case outbox.TmuxClipboard:
		text = "Copied " + m.What + " through tmux. If pasting outside tmux fails, add \"set -g set-clipboard on\" to ~/.tmux.conf, or press p to print it."
	case outbox.TmuxBufferOnly:
		text = "Copied " + m.What + " into tmux's paste buffer (prefix ] pastes). For the clipboard add \"set -g allow-passthrough on\" to ~/.tmux.conf."
	default:
		text = "Sent " + m.What + " to your terminal's clipboard (OSC 52). If pasting does not work, p prints it and f saves it."
	}
	if hasSubject && m.What != "the subject" {
		text += " C copies the subject."
	}
	return text
}

// fill makes the draft from the chosen template, takeaway and data.
func (s *composeScreen) fill() {
	v := model.Values{Profile: s.data.Profile, Contact: s.data.Contact, Referrer: s.data.Referrer, Takeaway: s.takeaway}
	if s.interview != nil {
		v.InterviewDate = model.InterviewDay(*s.interview)
	}
	d, err := s.tmpl.Fill(v)
	if err != nil {
		s.phase = composePick
		s.setNotice(fmt.Sprintf("The template %q is broken (%v). Press T to fix it.", s.tmpl.Name, err), true)
		return
	}
	if d.Text != s.draft.Text || d.Subject != s.draft.Subject {
		s.notice = "" // a copy or file made before no longer matches
	}
	s.draft, s.edited, s.scroll = d, false, 0
}

// setText takes the message as the user edited it, with an optional
// "Subject:" first line as Draft.LogText writes it.
func (s *composeScreen) setText(text string) {
	subject, body := splitSubject(text)
	if subject != s.draft.Subject || body != s.draft.Text {
		s.draft.Subject, s.draft.Text, s.edited = subject, body, true
		s.notice = "" // a copy or file made before no longer matches
	}
}

func splitSubject(text string) (subject, body string) {
	first, rest, _ := strings.Cut(text, "\n")
	if after, ok := strings.CutPrefix(first, "Subject:"); ok {
		return strings.TrimSpace(after), strings.TrimPrefix(rest, "\n")
	}
	return "", text
}

// usesTakeaway reports whether the template asks for a takeaway, which is
// when to offer the notes to choose one from.
func usesTakeaway(d model.TemplateDoc) bool {
	for _, part := range []string{d.Subject, d.Body} {
		if t, err := model.Parse(part); err == nil && slices.Contains(t.Uses(), model.Placeholder("takeaway")) {
			return true
		}
	}
	return false
}

func (s composeScreen) takeawayChoices() []string {
	if s.interview == nil {
		return nil
	}
	return model.TakeawayChoices(*s.interview)
}

// noReply is the unanswered request this contact has waited on longer
// than the rule, if any.
func (s composeScreen) noReply() (model.Waiting, bool) {
	if len(s.agenda.NoReply) == 0 {
		return model.Waiting{}, false
	}
	return s.agenda.NoReply[0], true
}

// flush keeps a draft the user has edited but not sent when the program
// stops under it (ctrl+c, a closed window): it is written to the drafts
// folder, as `f` would, rather than lost.
// watches what fills the message in.
func (s composeScreen) Watches() common.Watcher {
	return common.Watching(common.ChangedProfile, common.ChangedTemplates, common.ChangedSettings, common.ChangedContact)
}

// Unsaved is true while the message holds edits not sent or logged.
func (s composeScreen) Unsaved() bool { return s.edited || s.phase == composeEdit }

// SaveNow is nil: leaving with edits asks first (throw away?), and an
// unsent draft is kept as a file only when the program stops.
func (s composeScreen) SaveNow() tea.Cmd { return nil }

// Flush keeps an edited, unsent message as a draft file when the program
// stops (ctrl+c, SIGTERM, SIGHUP).
func (s composeScreen) Flush(st *store.Store) error {
	if s.phase == composeEdit {
		s.setText(s.area.Value())
	}
	if !s.edited {
		return nil
	}
	name := model.DraftFileName(s.data.Contact.Name, s.tmpl.ID, s.c.Now())
	msg, _ := outbox.SaveDraftCmd(outbox.DraftsDir(st.Path()), name, s.draft.LogText())().(outbox.DraftSavedMsg)
	if msg.Err != nil {
		return fmt.Errorf("keep your unsent draft: %w", msg.Err)
	}
	return nil
}

// OpenCompose opens the message screen for a contact.
func OpenCompose(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if m, ok := msg.(common.OpenComposeMsg); ok {
		s := NewComposeScreen(c, m.Contact)
		s.start = m.Template
		return s, true
	}
	return nil, false
}
