package live

import (
	"errors"
	"fmt"
	"parley/ui/common"
	"parley/ui/components/formkit"
	"parley/ui/safetext"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"parley/model"
	"parley/store"
)

// wrapUpPart is one part of the wrap-up that can have focus.
type wrapUpPart int

const (
	partTakeaways wrapUpPart = iota
	partReferrals
	partThankYou
	partLength
	wrapUpParts
)

type wrapUpKeys struct {
	Up, Down     key.Binding
	AddReferral  key.Binding
	ToggleName   key.Binding
	MakeContact  key.Binding
	DeleteRef    key.Binding
	ConfirmInput key.Binding
	CancelInput  key.Binding
}

// wrapUpPane is written right after the conversation: the takeaways, the
// people they suggested talking to next, and when the thank-you is due. The
// interview screen owns it and saves its content with the interview.
type wrapUpPane struct {
	// making are the referrals (by refKey) whose contact is being saved.
	making    map[string]bool
	styles    *common.Styles
	keys      wrapUpKeys
	part      wrapUpPart
	focused   bool
	takeaways textarea.Model
	referrals []model.Referral
	cursor    int
	adding    bool
	refInput  textinput.Model
	// due is typed as people write dates ("fri", "in 3 days"), and kept
	// as a day.
	due formkit.DateInput
	// lastDue is the last date typed that could be read: a half-typed or
	// wrong date never replaces it.
	lastDue time.Time
	// heldOn is when the interview took place: the thank-you cannot be
	// due before it.
	heldOn time.Time
	// tooEarly is why the date typed was refused though it could be read.
	tooEarly string
	// thanked is when a thank-you was logged after this interview, if one
	// was: the due date is then moot.
	thanked time.Time
	// mayUseName is what a new referral starts with: the interviewee's own
	// leave to be named, as recorded on their contact.
	mayUseName bool
	// length corrects the recorded length; lastLength is the last one
	// typed that could be read, clocked the clock's own reading.
	length     textinput.Model
	lengthErr  string
	lastLength time.Duration
	clocked    time.Duration
	width      int
	// maxTakeawayRows is the most rows the takeaways may grow to.
	maxTakeawayRows int
}

func newWrapUpPane(c *common.Common, w model.WrapUp) *wrapUpPane {
	st := c.Styles
	p := wrapUpPane{styles: st, keys: wrapUpKeys{
		Up:           key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "referral")),
		Down:         key.NewBinding(key.WithKeys("down")),
		AddReferral:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add referral")),
		ToggleName:   key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "may use their name")),
		MakeContact:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "make contact")),
		DeleteRef:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "remove referral")),
		ConfirmInput: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "add")),
		CancelInput:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}}
	p.takeaways = common.NewArea(st, "What did you learn? What surprised you? Does this path fit you?")
	p.takeaways.SetValue(safetext.Strip(w.Takeaways))
	p.takeaways.Blur()
	p.referrals = append([]model.Referral(nil), w.Referrals...)
	p.refInput = common.NewInput(st, "Name, what they do (e.g. Rita Gomez, planner at PBOT)")
	p.due = formkit.NewDateInput(c, formkit.DayOnly, "")
	p.length = common.NewInput(st, "m:ss")
	p.lastLength = w.Length
	if w.Length > 0 {
		p.length.SetValue(model.FormatClock(w.Length))
	}
	if !w.ThankYouDue.IsZero() {
		p.due.SetValue(w.ThankYouDue.Format(time.DateOnly))
		p.lastDue = w.ThankYouDue
	}
	return &p
}

// apply writes the pane's content into w, the length as corrected.
func (p *wrapUpPane) apply(w model.WrapUp) model.WrapUp {
	w.Takeaways = p.takeaways.Value()
	w.Referrals = append([]model.Referral(nil), p.referrals...)
	if !p.lastDue.IsZero() {
		w.ThankYouDue = p.lastDue
	}
	if p.lastLength > 0 {
		w.Length = p.lastLength
	}
	return w
}

// minTakeawayRows is the takeaways' box when there is little in it.
const minTakeawayRows = 3

// setSize sets the width and the most rows the takeaways may grow to.
func (p *wrapUpPane) setSize(w, maxRows int) {
	p.width = w
	p.maxTakeawayRows = max(maxRows, minTakeawayRows)
	p.takeaways.SetWidth(max(w-2, 4))
	p.fitTakeaways()
}

// fitTakeaways grows the takeaways' box with its text, a row to spare, up
// to the room there is.
func (p *wrapUpPane) fitTakeaways() {
	width := max(p.takeaways.Width(), 1)
	rows := 0
	for _, line := range strings.Split(p.takeaways.Value(), "\n") {
		rows += lipgloss.Width(line)/width + 1
	}
	p.takeaways.SetHeight(min(max(rows+1, minTakeawayRows), p.maxTakeawayRows))
}

// fixedRows is how many rows the wrap-up takes besides the takeaways' box.
func (p *wrapUpPane) fixedRows() int {
	return lipgloss.Height(p.View(time.Time{})) - p.takeaways.Height()
}

func (p *wrapUpPane) focus(part wrapUpPart) tea.Cmd {
	p.settle()
	p.part, p.focused = part, true
	p.takeaways.Blur()
	p.due.Input.Blur()
	switch part {
	case partTakeaways:
		return p.takeaways.Focus()
	case partThankYou:
		return p.due.Input.Focus()
	case partLength:
		return p.length.Focus()
	}
	return nil
}

func (p *wrapUpPane) blur() {
	p.settle()
	p.focused = false
	p.takeaways.Blur()
	p.due.Input.Blur()
	p.length.Blur()
	p.refInput.Blur()
	p.adding = false
}

// settle shows the kept value again in place of one that could not be
// read, as the user leaves the field.
func (p *wrapUpPane) settle() {
	if p.due.Problem() != "" || p.tooEarly != "" {
		// Leaving a date that cannot be read shows the one kept.
		p.tooEarly = ""
		kept := ""
		if !p.lastDue.IsZero() {
			kept = p.lastDue.Format(time.DateOnly)
		}
		p.due.SetValue(kept)
	}
	if p.lengthErr != "" {
		p.length.SetValue(model.FormatClock(p.lastLength))
		p.lengthErr = ""
	}
}

// Capturing is true while the focused part takes typed text.
func (p *wrapUpPane) Capturing() bool {
	return p.focused && (p.part != partReferrals || p.adding)
}

// makeContactMsg asks the interview screen to turn referral i into a contact.
type makeContactMsg struct{ ref model.Referral }

// Update handles a key and reports whether the wrap-up changed.
func (p *wrapUpPane) Update(msg tea.KeyMsg) (changed bool, cmd tea.Cmd) {
	switch p.part {
	case partTakeaways:
		before := p.takeaways.Value()
		p.takeaways, cmd = p.takeaways.Update(msg)
		p.fitTakeaways()
		return p.takeaways.Value() != before, cmd
	case partLength:
		before := p.length.Value()
		p.length, cmd = p.length.Update(msg)
		p.lengthErr = ""
		d, err := model.ParseLength(p.length.Value())
		if err != nil {
			p.lengthErr = err.Error() + "; until then it stays " + model.FormatClock(p.lastLength) + "."
			return false, cmd
		}
		p.lastLength = d
		return p.length.Value() != before, cmd
	case partThankYou:
		before := p.due.Value()
		cmd = p.due.Update(msg)
		return p.due.Value() != before && p.checkDue(), cmd
	}
	if p.adding {
		return p.updateAdding(msg)
	}
	switch {
	case key.Matches(msg, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, p.keys.Down):
		p.cursor = min(p.cursor+1, max(len(p.referrals)-1, 0))
	case key.Matches(msg, p.keys.AddReferral):
		p.adding = true
		p.refInput.SetValue("")
		return false, p.refInput.Focus()
	case len(p.referrals) == 0:
	case key.Matches(msg, p.keys.ToggleName):
		p.referrals[p.cursor].MayUseName = !p.referrals[p.cursor].MayUseName
		return true, nil
	case key.Matches(msg, p.keys.DeleteRef):
		p.referrals = append(p.referrals[:p.cursor], p.referrals[p.cursor+1:]...)
		p.cursor = max(min(p.cursor, len(p.referrals)-1), 0)
		return true, nil
	case key.Matches(msg, p.keys.MakeContact):
		if r := p.referrals[p.cursor]; r.ContactID == 0 && !p.making[refKey(r)] {
			if p.making == nil {
				p.making = map[string]bool{}
			}
			// A second c before the first is saved makes no second contact.
			p.making[refKey(r)] = true
			return false, func() tea.Msg { return makeContactMsg{r} }
		}
	}
	return false, nil
}

// typing is true while a referral is being typed.
func (p *wrapUpPane) typing() bool {
	return p.adding && strings.TrimSpace(p.refInput.Value()) != ""
}

// keepTyped adds a referral still being typed, as enter would, and
// reports whether one was added.
func (p *wrapUpPane) keepTyped() bool {
	if !p.typing() {
		return false
	}
	changed, _ := p.updateAdding(tea.KeyMsg{Type: tea.KeyEnter})
	return changed
}

func (p *wrapUpPane) updateAdding(msg tea.KeyMsg) (bool, tea.Cmd) {
	switch {
	case key.Matches(msg, p.keys.CancelInput):
		p.adding = false
		p.refInput.Blur()
		return false, nil
	case key.Matches(msg, p.keys.ConfirmInput):
		name, note, _ := strings.Cut(p.refInput.Value(), ",")
		r := model.Referral{Name: strings.TrimSpace(name), Note: strings.TrimSpace(note), MayUseName: p.mayUseName}
		p.adding = false
		p.refInput.Blur()
		if !r.Valid() {
			return false, nil
		}
		p.referrals = append(p.referrals, r)
		p.cursor = len(p.referrals) - 1
		return true, nil
	}
	var cmd tea.Cmd
	p.refInput, cmd = p.refInput.Update(msg)
	return false, cmd
}

// checkDue keeps the date typed if it can be read, and says whether it
// could.
func (p *wrapUpPane) checkDue() bool {
	p.tooEarly = ""
	w, err := p.due.Read()
	if err != nil {
		return false
	}
	if problem := model.ThankYouDueProblem(w.At, p.heldOn); problem != "" {
		p.tooEarly = problem
		return false
	}
	p.lastDue = w.At
	return true
}

// linked records that referral i became contact id.
// The referrals can change (d, a) while a contact is being made from one,
// so it is found again by who it is, never by where it stood.
func (p *wrapUpPane) linked(r model.Referral, id uint64) {
	delete(p.making, refKey(r))
	if i := p.indexOf(r); i >= 0 {
		p.referrals[i].ContactID = id
	}
}

// indexOf is where referral r stands now, or -1 if it was removed.
func (p *wrapUpPane) indexOf(r model.Referral) int {
	for i, have := range p.referrals {
		if refKey(have) == refKey(r) {
			return i
		}
	}
	return -1
}

func refKey(r model.Referral) string { return r.Name + "\x00" + r.Note }

func (p *wrapUpPane) View(now time.Time) string {
	st := p.styles
	var b strings.Builder
	heading := func(part wrapUpPart, title string) string {
		if p.focused && p.part == part {
			return st.Focused.Render(st.Sym.Pointer + title)
		}
		return st.Label.Render("  " + title)
	}
	b.WriteString(heading(partTakeaways, "Key takeaways") + "\n")
	b.WriteString(indentLines(p.takeaways.View(), "  ") + "\n")
	b.WriteString(heading(partReferrals, "People they suggested") + "\n")
	if len(p.referrals) == 0 && !p.adding {
		b.WriteString(st.Muted.Render("  None yet. Tab here and press a to add one.") + "\n")
	}
	for i, r := range p.referrals {
		marker := "  "
		if p.focused && p.part == partReferrals && i == p.cursor && !p.adding {
			marker = st.Sym.Pointer
		}
		line := marker + safetext.Line(r.Name)
		if r.Note != "" {
			line += " — " + safetext.Line(r.Note)
		}
		name := "may not use name"
		if r.MayUseName {
			name = "may use name"
		}
		line += st.Muted.Render(" · " + name)
		if r.ContactID != 0 {
			line += st.Info.Render(" · contact made")
		}
		b.WriteString(common.TruncateCells(line, p.width) + "\n")
	}
	if p.adding {
		b.WriteString("  + " + common.InputView(st, p.refInput, p.width-4) + "\n")
	}
	if !p.thanked.IsZero() {
		b.WriteString(heading(partThankYou, "Thank-you sent ") + st.Info.Render(p.thanked.In(now.Location()).Format("Mon 2 Jan 2006")))
	} else {
		due := heading(partThankYou, "Thank-you due ") + p.due.View(dueInputW)
		switch {
		case p.tooEarly != "":
			b.WriteString(due + "\n  " + st.Error.Render(common.TruncateCells("→ "+p.tooEarly, max(p.width-2, 1))))
		case p.due.Problem() == "":
			b.WriteString(common.TruncateCells(due+" "+st.Muted.Render(p.due.ReadBack()), p.width))
		case p.focused && p.part == partThankYou:
			stays := "no date until one is read"
			if !p.lastDue.IsZero() {
				stays = "it stays " + p.lastDue.In(now.Location()).Format("Mon 2 Jan 2006") + " until a date is read"
			}
			b.WriteString(due + "\n  " + st.Error.Render(common.TruncateCells("→ ? "+stays+" (try fri, in 3 days, 2026-12-03)", max(p.width-2, 1))))
		default:
			b.WriteString(due)
		}
	}
	length := heading(partLength, "Length ") + common.InputView(st, p.length, 9)
	if p.clocked > 0 && p.clocked != p.lastLength {
		length += st.Muted.Render(" (the clock said " + model.FormatClock(p.clocked) + ")")
	}
	b.WriteString("\n" + common.TruncateCells(length, p.width))
	if p.lengthErr != "" {
		b.WriteString("\n  " + st.Error.Render(common.TruncateCells(p.lengthErr, p.width-2)))
	}
	return b.String()
}

// dueInputW is the width of the thank-you date as typed: room for a phrase
// ("next friday") or a date written out.
const dueInputW = 16

func indentLines(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

func (p *wrapUpPane) Bindings() []key.Binding {
	k := p.keys
	if p.part != partReferrals {
		return nil
	}
	if p.adding {
		return []key.Binding{k.ConfirmInput, k.CancelInput}
	}
	has := len(p.referrals) > 0
	k.ToggleName.SetEnabled(has)
	k.MakeContact.SetEnabled(has)
	k.DeleteRef.SetEnabled(has)
	return []key.Binding{k.AddReferral, k.ToggleName, k.MakeContact, k.DeleteRef}
}

// referralContactMsg reports the contact made from a referral.
type referralContactMsg struct {
	interviewID uint64
	ref         model.Referral
	contact     model.Contact
	err         error
}

func (m referralContactMsg) Failed() error { return m.err }

func (m referralContactMsg) Changes() []common.NotebookChangedMsg {
	if m.err != nil {
		return nil
	}
	c := m.contact
	return []common.NotebookChangedMsg{{Kind: common.ChangedContact, ContactID: c.ID, Contact: &c}}
}

// makeReferralContact saves a referral as a new contact, linked as referred
// by the person interviewed.
func makeReferralContact(s *store.Store, ivID uint64, r model.Referral, referrer model.Contact, now time.Time) tea.Cmd {
	return func() tea.Msg {
		role, org := r.RoleAndOrganisation()
		c := model.Contact{
			Name: r.Name, Role: role, Organisation: org, ReferredBy: referrer.ID, FoundVia: model.FoundReferral,
			Stage: model.ToContact, Created: now, Updated: now,
		}
		saved, err := s.PutContact(c)
		if err == nil && r.MayUseName {
			// The templates name a referrer only with their leave, which is
			// kept on the referrer: record the yes given in the wrap-up.
			ref, rerr := s.Contact(referrer.ID)
			if rerr == nil && !ref.MayMentionName {
				ref.MayMentionName, ref.Updated = true, now
				_, err = s.PutContact(ref)
			}
		}
		return referralContactMsg{ivID, r, saved, err}
	}
}

// interviewHeldMsg reports an ended interview written and put on the
// contact's timeline, with the contact as that left them.
type interviewHeldMsg struct {
	saved   common.InterviewSavedMsg
	contact model.Contact
	err     error
}

func (m interviewHeldMsg) Failed() error { return errors.Join(m.saved.Err, m.err) }

func (m interviewHeldMsg) Changes() []common.NotebookChangedMsg {
	if m.saved.Err != nil || m.err != nil {
		return nil
	}
	iv, c := m.saved.Interview, m.contact
	return []common.NotebookChangedMsg{{Kind: common.ChangedInterview, ContactID: iv.ContactID, Interview: &iv},
		{Kind: common.ChangedTimeline, ContactID: c.ID}, {Kind: common.ChangedContact, ContactID: c.ID, Contact: &c}}
}

// logInterviewHeld writes the ended interview (save, through the writer),
// then puts it on the contact's timeline, which moves them to interviewed:
// the interview must be on disk before the screens summarising the
// notebook hear of it.
func logInterviewHeld(s *store.Store, save tea.Cmd, iv model.Interview, now time.Time) tea.Cmd {
	return func() tea.Msg {
		saved, _ := save().(common.InterviewSavedMsg)
		if saved.Err != nil {
			return interviewHeldMsg{saved: saved}
		}
		it := model.Interaction{
			ContactID: iv.ContactID, Kind: model.KindInterview, At: now,
			Text: fmt.Sprintf("Informational interview, %s of a %s budget.",
				model.FormatClock(iv.WrapUp.Length), model.FormatClock(iv.Budget)),
		}
		if _, err := s.AddInteraction(it, true); err != nil {
			return interviewHeldMsg{saved: saved, err: err}
		}
		c, err := s.Contact(iv.ContactID)
		return interviewHeldMsg{saved: saved, contact: c, err: err}
	}
}

// thanksLoadedMsg carries when the contact was last thanked, for the
// wrap-up of an ended interview.
type thanksLoadedMsg struct {
	contactID uint64
	at        time.Time
	err       error
}

func (m thanksLoadedMsg) Failed() error { return m.err }

// loadLastThanks finds the latest thank-you on the contact's timeline.
func loadLastThanks(s *store.Store, contactID uint64) tea.Cmd {
	return func() tea.Msg {
		its, err := s.Interactions(contactID)
		var last time.Time
		for _, it := range its {
			if it.Kind == model.KindThankYou && it.At.After(last) {
				last = it.At
			}
		}
		return thanksLoadedMsg{contactID, last, err}
	}
}
