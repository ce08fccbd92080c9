package live

import (
	"fmt"
	"math"
	"parley/ui/common"
	"parley/ui/safetext"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"parley/model"
)

// Layout thresholds: below compactBelow the screen shows only the time left,
// the next question and the notes; from wideFrom on the checklist and the
// notes stand side by side.
const (
	compactBelowWidth = 60
	// compactBelowHeight counts the screen's own rows: a 16-row terminal
	// less the status and help lines.
	compactBelowHeight = 14
	wideFromWidth      = 110
)

type interviewLayout int

const (
	layoutCompact interviewLayout = iota
	layoutStacked
	layoutWide
)

func (s InterviewScreen) layoutKind() interviewLayout {
	switch {
	case s.width < compactBelowWidth || s.height < compactBelowHeight:
		return layoutCompact
	case s.width >= wideFromWidth:
		return layoutWide
	default:
		return layoutStacked
	}
}

// checklistRowsFor is how many checklist rows get room in a body of h
// lines shared with the notes: two fifths (half once the closing steps
// show), at least three, no more than there are.
func (s InterviewScreen) checklistRowsFor(h int) int {
	share := h * 2 / 5
	if s.closingVisible() {
		share = h / 2 // the closing steps need room of their own
	}
	return max(min(s.checklistRows()+s.closingHeading(), max(share, 3)), 1)
}

// headerLines is the fixed top: who, the clock, the next question.
const headerLines = 3

func (s InterviewScreen) checklistWidth() int { return s.width * 2 / 5 }

// wrapWidth is the wrap-up's width in the current layout.
func (s InterviewScreen) wrapWidth() int {
	if s.layoutKind() == layoutWide {
		return s.checklistWidth()
	}
	return s.width
}

func (s InterviewScreen) closingHeading() int {
	if s.closingVisible() {
		return 1
	}
	return 0
}

// upperBlock is what stands between the clock line and the notes in the
// stacked and wide layouts: the next question and the checklist, or after
// the interview the wrap-up (or the checklist, while it has focus). h is
// the room the layout gives it.
func (s InterviewScreen) upperBlock(width, h int) string {
	var parts []string
	switch {
	case s.ended() && s.focus != paneChecklist:
		parts = append(parts, s.paneHeading("Wrap-up", paneWrapUp, width), s.wrap.View(s.now))
	default:
		if !s.ended() && s.layoutKind() != layoutWide {
			parts = append(parts, s.nextLine())
		}
		rows := s.checklistRowsFor(h)
		parts = append(parts, s.paneHeading("Questions", paneChecklist, width), s.checklistView(rows, width))
		if s.inputFor != inputNone {
			parts = append(parts, s.inputView())
		}
		if s.choosing.purpose != choiceNone {
			parts = append(parts, s.choiceView(width))
		}
	}
	return strings.Join(parts, "\n")
}

// layout sizes the notes (and the wrap-up) to the room the layout leaves.
func (s *InterviewScreen) layout() {
	if s.ended() {
		s.sizeWrapUp() // the wrap-up shows only once the interview has ended
	}
	switch s.layoutKind() {
	case layoutCompact:
		top := 1
		if s.height >= 4 {
			top = 2
		}
		s.notes.SetSize(s.width, max(s.height-top-s.inputHeight(), 1))
	case layoutWide:
		s.notes.SetSize(s.width-s.checklistWidth()-2, max(s.height-headerLines-1, 1))
	default:
		body := s.height - 2 // the header and clock lines
		upper := lipgloss.Height(s.upperBlock(s.width, body-1))
		s.notes.SetSize(s.width, max(body-upper-1, 1))
	}
}

// sizeWrapUp lets the takeaways grow into the room the layout leaves the
// wrap-up: all of it when compact, what the questions (wide) or the notes
// (stacked) can spare otherwise.
func (s *InterviewScreen) sizeWrapUp() {
	s.wrap.setSize(s.wrapWidth(), minTakeawayRows)
	room := s.height - 2 // the clock and next lines, or header and clock
	switch s.layoutKind() {
	case layoutWide:
		room = s.height - headerLines - 1 - 4 // its heading; a few questions below
	case layoutStacked:
		room = s.height - 2 - 1 - 1 - 3 // its heading, the notes' and three notes
	}
	s.wrap.setSize(s.wrapWidth(), room-s.wrap.fixedRows())
}

func (s InterviewScreen) inputHeight() int {
	switch {
	case s.inputFor != inputNone:
		return 2
	case s.choosing.purpose != choiceNone:
		return 1
	}
	return 0
}

func (s InterviewScreen) View() string {
	if s.width < 1 || s.height < 1 {
		return ""
	}
	compact := s.layoutKind() == layoutCompact
	key, reusable := s.tickKey()
	if reusable && s.ticked.valid && s.ticked.key == key {
		return s.ticked.above + s.clockLine(compact) + s.ticked.below
	}
	// The layout depends on things that change without a resize (the
	// input line, the closing steps appearing), so size the notes here.
	s.layout()
	var above, below string
	switch s.layoutKind() {
	case layoutCompact:
		above, below = s.compactView()
	case layoutWide:
		above, below = s.wideView()
	default:
		above, below = s.stackedView()
	}
	*s.ticked = tickedFrame{key: key, valid: reusable, above: above, below: below}
	return above + s.clockLine(compact) + below
}

// tickedFrame is the frame around the clock line, kept for the next clock
// tick: an interview left running redraws once a second, and only the
// clock line changes then, unless time moves the prompt, the urgency or
// the closing steps, which are in the key.
type tickedFrame struct {
	key          tickKey
	valid        bool
	above, below string

	// The clock line's parts that change less often than each second.
	bar        barKey
	barView    string
	asked      [2]int
	askedView  string
	askedWidth int
}

// barKey is what the budget bar shows: its cells and how many are filled.
type barKey struct {
	width, filled int
	urgency       model.Urgency
}

type tickKey struct {
	viewGen       uint64
	width, height int
	prompt        model.Prompt
	low, closing  bool
}

// tickKey is what the frame around the clock line depends on, and whether
// that is all it depends on: a choice (the stale-clock question names the
// time) and the wrap-up read the clock themselves, so their frames are not
// kept.
func (s InterviewScreen) tickKey() (tickKey, bool) {
	iv := s.Interview
	reusable := s.choosing.purpose == choiceNone && s.inputFor == inputNone && !s.ended()
	return tickKey{
		viewGen: s.viewGen, width: s.width, height: s.height, prompt: s.prompt(),
		low:     model.UrgencyOf(iv.Elapsed(s.now), iv.Budget) >= model.Warning,
		closing: s.closingVisible(),
	}, reusable
}

// The layouts return the lines above the clock line and below it, each
// with the newline that joins it to the clock line.

func (s InterviewScreen) compactView() (above, below string) {
	var lines []string
	if s.height >= 4 {
		lines = append(lines, s.nextLine())
	}
	switch s.focus {
	case paneWrapUp:
		// The wrap-up or the questions take the notes' place while they
		// have focus: there is room for one pane only.
		lines = append(lines, s.wrap.View(s.now))
	case paneChecklist:
		lines = append(lines, s.checklistView(max(s.height-1-len(lines)-s.inputHeight(), 1), s.width))
	default:
		lines = append(lines, s.notes.View())
	}
	if s.inputFor != inputNone {
		lines = append(lines, s.inputView())
	}
	if s.choosing.purpose != choiceNone {
		lines = append(lines, s.choiceView(s.width))
	}
	return "", "\n" + strings.Join(lines, "\n")
}

func (s InterviewScreen) stackedView() (above, below string) {
	body := s.height - 2
	return s.headerLine() + "\n", "\n" + strings.Join([]string{
		s.upperBlock(s.width, body-1), s.paneHeading("Notes", paneNotes, s.width), s.notes.View(),
	}, "\n")
}

func (s InterviewScreen) wideView() (above, below string) {
	lw := s.checklistWidth()
	body := s.height - headerLines
	left := s.upperBlock(lw, body)
	if s.ended() && s.focus != paneChecklist {
		// There is room for both: the wrap-up, then the questions.
		rest := body - lipgloss.Height(left) - 1
		if rest > 1 {
			left += "\n" + s.paneHeading("Questions", paneChecklist, lw) + "\n" + s.checklistView(min(rest, s.checklistRowsFor(rest)), lw)
		}
	}
	right := s.paneHeading("Notes", paneNotes, s.width-lw-2) + "\n" + s.notes.View()
	bodyView := lipgloss.JoinHorizontal(lipgloss.Top, common.Fit(left, lw, body), "  ", right)
	return s.headerLine() + "\n", "\n" + s.nextLine() + "\n" + bodyView
}

func (s InterviewScreen) headerLine() string {
	st := s.c.Styles
	left := st.Title.Render(safetext.Line(s.contact.Name)) + st.Subtitle.Render(common.SubtitleSuffix(s.contact))
	right := st.Muted.Render(safetext.Line(s.saveState()))
	gap := s.width - common.CellWidth(left) - common.CellWidth(right)
	if gap < 1 {
		return common.TruncateCells(left, max(s.width-common.CellWidth(right)-1, 0)) + " " + right
	}
	return left + strings.Repeat(" ", gap) + right
}

// saveState tells the user, in a word, whether their notes are on disk.
func (s InterviewScreen) saveState() string {
	switch {
	case s.saveErr != nil:
		return "NOT SAVED: " + s.saveErr.Error()
	case s.Unsaved():
		return "saving…"
	default:
		return "saved"
	}
}

// clockLine is the glance line: time left in the urgency colour, the
// state, the elapsed time, a budget bar and the questions asked. It is
// drawn every second while the clock runs, so widths are counted on the
// plain text and the bar and the count are kept until they change.
func (s InterviewScreen) clockLine(compact bool) string {
	st := s.c.Styles
	iv := &s.Interview
	elapsed := iv.Elapsed(s.now)
	urgency := model.UrgencyOf(elapsed, iv.Budget)
	var left string
	leftWidth := 0
	switch state := iv.Clock.State(); state {
	case model.NotStarted:
		a, b := model.FormatClock(iv.Budget)+" budget", " · ctrl+t starts the clock"
		left, leftWidth = st.Accent.Render(a)+st.Muted.Render(b), common.CellWidth(a)+common.CellWidth(b)
	case model.Ended:
		length := elapsed
		if iv.WrapUp.Length > 0 {
			length = iv.WrapUp.Length // as corrected in the wrap-up
		}
		a := "Ended after " + model.FormatClock(length) + " of " + model.FormatClock(iv.Budget)
		left, leftWidth = st.Muted.Render(a), common.CellWidth(a)
	default:
		a := model.FormatLeft(elapsed, iv.Budget) + leftWord(elapsed, iv.Budget)
		left, leftWidth = st.ClockStyle(urgency).Render(a), common.CellWidth(a)
		if words := st.UrgencyText(urgency); words != "" {
			left += " [" + words + "]"
			leftWidth += 3 + common.CellWidth(words)
		}
		if state == model.Paused {
			left += " " + st.Error.Render("PAUSED")
			leftWidth += 7
		}
		b := " · " + model.FormatClock(elapsed) + " of " + model.FormatClock(iv.Budget)
		left += st.Muted.Render(b)
		leftWidth += common.CellWidth(b)
	}
	if compact {
		return left
	}
	parts := s.ticked
	asked := [2]int{iv.AskedCount(), len(iv.Questions)}
	if parts.asked != asked || parts.askedView == "" {
		text := strconv.Itoa(asked[0]) + "/" + strconv.Itoa(asked[1]) + " asked"
		parts.asked, parts.askedView, parts.askedWidth = asked, st.Muted.Render(text), common.CellWidth(text)
	}
	barW := s.width - leftWidth - parts.askedWidth - 4
	if barW < 8 {
		return left + "  " + parts.askedView
	}
	pct := 0.0
	if iv.Budget > 0 {
		pct = min(float64(elapsed)/float64(iv.Budget), 1)
	}
	// The cells filled, as bubbles' progress counts them.
	bar := barKey{width: barW, urgency: urgency, filled: int(math.Round(float64(barW) * pct))}
	if parts.bar != bar || parts.barView == "" {
		m := st.Bar[urgency]
		m.Width = barW
		parts.bar, parts.barView = bar, m.ViewAs(pct)
	}
	return left + "  " + parts.barView + "  " + parts.askedView
}

func leftWord(elapsed, budget time.Duration) string {
	if elapsed > budget {
		return " over"
	}
	return " left"
}

// prompt is what the top line shows: notes, ticks and insertions follow it.
func (s InterviewScreen) prompt() model.Prompt { return s.Interview.PromptAt(s.now) }

// nextLine shows what to do now: the question to ask, a must-ask one when
// time is short, the next closing step, or, over time, to wrap up.
func (s InterviewScreen) nextLine() string {
	st := s.c.Styles
	iv := s.Interview
	p := s.prompt()
	labelled := func(label, text string, textStyle lipgloss.Style) string {
		return label + textStyle.Render(common.TruncateCells(safetext.Line(text), s.width-common.CellWidth(label)))
	}
	switch {
	case iv.Clock.State() == model.Ended:
		return st.Muted.Render(fmt.Sprintf("Asked %d of %d questions. Tab moves through the wrap-up, the notes and the questions.",
			iv.AskedCount(), len(iv.Questions)))
	case p.Kind == model.PromptWrapUp && p.Index < 0:
		return labelled(st.Error.Render("Over time "+st.Sym.Pointer), "ctrl+e ends the interview", st.Title)
	case p.Kind == model.PromptWrapUp:
		return labelled(st.Error.Render("Over time, wrap up "+st.Sym.Pointer), iv.Closing[p.Index].Text, st.Title)
	case p.Kind == model.PromptMustAsk:
		return labelled(st.Error.Render(fmt.Sprintf("Must ask (%d left) %s", len(iv.MustAskLeft()), st.Sym.Pointer)), iv.Questions[p.Index].Text, lipgloss.NewStyle())
	case p.Kind == model.PromptQuestion:
		text := iv.Questions[p.Index].Text
		if iv.Questions[p.Index].MustAsk {
			text = "! " + text
		}
		return labelled(st.Accent.Render("Next "+st.Sym.Pointer), text, st.Title)
	case p.Kind == model.PromptClosing:
		return labelled(st.Accent.Render("Close "+st.Sym.Pointer), iv.Closing[p.Index].Text, lipgloss.NewStyle())
	default:
		return st.Muted.Render("All questions covered.")
	}
}

func (s InterviewScreen) paneHeading(title string, p pane, width int) string {
	st := s.c.Styles
	if s.focus == p {
		title = s.c.Styles.Sym.Pointer + title
		return common.TruncateCells(st.Focused.Render(title)+" "+st.Rule.Render(strings.Repeat(st.Sym.Rule, max(width-common.CellWidth(title)-1, 0))), width)
	}
	title = "  " + title
	return common.TruncateCells(st.Blurred.Render(title)+" "+st.Rule.Render(strings.Repeat(st.Sym.Rule, max(width-common.CellWidth(title)-1, 0))), width)
}

// checklistView draws the questions in rows lines, and under them the
// closing steps when they are showing. Whatever the size, the question on
// the top line, every must-ask one not yet asked and the cursor's row stay
// on screen; the other questions fill the rest around the cursor. The
// closing steps keep their place at the bottom; when there is no room for
// all of them they shrink to one line with the next (or selected) step.
func (s InterviewScreen) checklistView(rows, width int) string {
	st := s.c.Styles
	iv := s.Interview
	nq := len(iv.Questions)
	low := model.UrgencyOf(iv.Elapsed(s.now), iv.Budget) >= model.Warning
	p := s.prompt()
	cur := p.Question()
	var closing []string
	if s.closingVisible() {
		heading := st.Accent.Render(fmt.Sprintf("  Closing %d/%d", iv.ClosingDone(), len(iv.Closing)))
		if rows-1-len(iv.Closing) >= min(nq, 2) || len(iv.Closing) == 0 {
			closing = append(closing, heading)
			for i, q := range iv.Closing {
				closing = append(closing, s.questionRow(q, nq+i == s.cursor, p.Closing() && p.Index == i, false, width))
			}
		} else {
			closing = append(closing, s.closingLine(p, width))
		}
	}
	qrows := max(rows-len(closing), 1)
	if nq == 0 {
		return strings.Join(append([]string{st.Muted.Render("  No questions. Press a to add one.")}, closing...), "\n")
	}
	// The next question in order stays too when a must-ask one stands in
	// for it at the top: the list around it is where the talk goes on.
	next := iv.Current()
	pinned := []int{}
	for _, i := range []int{cur, next} {
		if i >= 0 {
			pinned = append(pinned, i)
		}
	}
	if s.focus == paneChecklist && s.cursor < nq {
		pinned = append(pinned, s.cursor)
	}
	pinned = append(pinned, iv.MustAskLeft()...)
	anchor := next
	if s.focus == paneChecklist && s.cursor < nq || anchor < 0 {
		anchor = min(s.cursor, nq-1)
	}
	var lines []string
	for _, i := range visibleRows(nq, qrows, pinned, anchor) {
		lines = append(lines, s.questionRow(iv.Questions[i], i == s.cursor, i == cur, low, width))
	}
	return strings.Join(append(lines, closing...), "\n")
}

// closingLine is the closing steps in one line: the selected step while
// the cursor is on them, else the next one to do.
func (s InterviewScreen) closingLine(p model.Prompt, width int) string {
	st := s.c.Styles
	iv := s.Interview
	label := fmt.Sprintf("  Closing %d/%d", iv.ClosingDone(), len(iv.Closing))
	i := p.Index
	if !p.Closing() {
		i = iv.ClosingDone()
	}
	if s.cursor >= len(iv.Questions) {
		i = s.cursor - len(iv.Questions)
	}
	if i < 0 || i >= len(iv.Closing) {
		return st.Accent.Render(common.TruncateCells(label+" · done", width))
	}
	row := s.questionRow(iv.Closing[i], len(iv.Questions)+i == s.cursor, p.Closing() && p.Index == i, false, width-common.CellWidth(label))
	return st.Accent.Render(label) + row
}

// visibleRows chooses which of n rows to show in room lines: the pinned
// ones first, in the order given, then the rows nearest anchor. The result
// is in list order.
func visibleRows(n, room int, pinned []int, anchor int) []int {
	if n <= room {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	chosen := make(map[int]bool, room)
	take := func(i int) {
		if i >= 0 && i < n && len(chosen) < room {
			chosen[i] = true
		}
	}
	for _, i := range pinned {
		take(i)
	}
	// Then a window around the anchor: below it first, since what is
	// still to come matters more than what was done.
	for d := 0; len(chosen) < room && d < n; d++ {
		take(anchor + d)
		take(anchor - d)
	}
	out := make([]int, 0, len(chosen))
	for i := range n {
		if chosen[i] {
			out = append(out, i)
		}
	}
	return out
}

func (s InterviewScreen) questionRow(q model.Question, selected, current, low bool, width int) string {
	st := s.c.Styles
	marker := "  "
	if selected && s.focus == paneChecklist {
		marker = s.c.Styles.Sym.Pointer
	}
	var mark string
	style := lipgloss.NewStyle()
	switch {
	case q.Asked:
		mark = st.Sym.Ticked + model.FormatClock(q.AskedAt) + " "
		style = st.Done
	case q.Skipped:
		mark = st.Sym.Skipped + "skipped "
		style = st.Muted
	case current:
		mark = st.Sym.Next
		style = st.Title
	default:
		mark = st.Sym.Open
	}
	if q.Starred {
		mark += st.Sym.Star + " "
	}
	if q.MustAsk && !q.Asked {
		mark += "! "
		if low {
			style = st.Error
		} else {
			style = st.MustAsk
		}
	}
	line := common.TruncateCells(marker+mark+safetext.Line(q.Text), width)
	if selected && s.focus == paneChecklist {
		return st.Selected.Render(line)
	}
	return style.Render(line)
}

func (s InterviewScreen) inputView() string {
	st := s.c.Styles
	label := map[inputPurpose]string{inputQuestion: "New question: ", inputBudget: "Budget (minutes): "}[s.inputFor]
	w := s.width
	if s.layoutKind() == layoutWide {
		w = s.checklistWidth()
	}
	line := st.Accent.Render(label) + common.InputView(st, *s.input, w-common.CellWidth(label))
	problem := ""
	if s.inputProblem != "" {
		problem = st.Error.Render(s.inputProblem)
	}
	return line + "\n" + problem
}
