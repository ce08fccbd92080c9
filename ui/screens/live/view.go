package live

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
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
	}
	return strings.Join(parts, "\n")
}

// layout sizes the notes (and the wrap-up) to the room the layout leaves.
func (s *InterviewScreen) layout() {
	s.wrap.setWidth(s.wrapWidth())
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

func (s InterviewScreen) inputHeight() int {
	if s.inputFor != inputNone {
		return 2
	}
	return 0
}

func (s InterviewScreen) View() string {
	if s.width < 1 || s.height < 1 {
		return ""
	}
	// The layout depends on things that change without a resize (the
	// input line, the closing steps appearing), so size the notes here.
	s.layout()
	switch s.layoutKind() {
	case layoutCompact:
		return s.compactView()
	case layoutWide:
		return s.wideView()
	default:
		return s.stackedView()
	}
}

func (s InterviewScreen) compactView() string {
	lines := []string{s.clockLine(true)}
	if s.height >= 4 {
		lines = append(lines, s.nextLine())
	}
	switch s.focus {
	case paneWrapUp:
		// The wrap-up or the questions take the notes' place while they
		// have focus: there is room for one pane only.
		lines = append(lines, s.wrap.View(s.now))
	case paneChecklist:
		lines = append(lines, s.checklistView(max(s.height-len(lines)-s.inputHeight(), 1), s.width))
	default:
		lines = append(lines, s.notes.View())
	}
	if s.inputFor != inputNone {
		lines = append(lines, s.inputView())
	}
	return strings.Join(lines, "\n")
}

func (s InterviewScreen) stackedView() string {
	body := s.height - 2
	return strings.Join([]string{
		s.headerLine(), s.clockLine(false), s.upperBlock(s.width, body-1),
		s.paneHeading("Notes", paneNotes, s.width), s.notes.View(),
	}, "\n")
}

func (s InterviewScreen) wideView() string {
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
	third := s.nextLine()
	return strings.Join([]string{s.headerLine(), s.clockLine(false), third, bodyView}, "\n")
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
// state, the elapsed time, a budget bar and the questions asked.
func (s InterviewScreen) clockLine(compact bool) string {
	st := s.c.Styles
	iv := s.Interview
	elapsed := iv.Elapsed(s.now)
	urgency := model.UrgencyOf(elapsed, iv.Budget)
	var left string
	switch state := iv.Clock.State(); state {
	case model.NotStarted:
		left = st.Accent.Render(model.FormatClock(iv.Budget)+" budget") + st.Muted.Render(" · ctrl+t starts the clock")
	case model.Ended:
		left = st.Muted.Render("Ended after " + model.FormatClock(elapsed) + " of " + model.FormatClock(iv.Budget))
	default:
		left = st.ClockStyle(urgency).Render(model.FormatLeft(elapsed, iv.Budget) + leftWord(elapsed, iv.Budget))
		if state == model.Paused {
			left += " " + st.Error.Render("PAUSED")
		}
		left += st.Muted.Render(" · " + model.FormatClock(elapsed) + " of " + model.FormatClock(iv.Budget))
	}
	if compact {
		return left
	}
	right := st.Muted.Render(fmt.Sprintf("%d/%d asked", iv.AskedCount(), len(iv.Questions)))
	barW := s.width - common.CellWidth(left) - common.CellWidth(right) - 4
	if barW < 8 {
		return left + "  " + right
	}
	bar := st.Bar[urgency]
	bar.Width = barW
	pct := 0.0
	if iv.Budget > 0 {
		pct = min(float64(elapsed)/float64(iv.Budget), 1)
	}
	return left + "  " + bar.ViewAs(pct) + "  " + right
}

func leftWord(elapsed, budget time.Duration) string {
	if elapsed > budget {
		return " over"
	}
	return " left"
}

// mustAskPulled reports whether time is short and a must-ask question
// not yet asked takes the place of the next question.
func (s InterviewScreen) mustAskPulled() bool {
	iv := s.Interview
	if iv.Clock.State() == model.Ended || model.UrgencyOf(iv.Elapsed(s.now), iv.Budget) < model.Warning {
		return false
	}
	must := iv.MustAskLeft()
	cur := iv.Current()
	return len(must) > 0 && (cur < 0 || !iv.Questions[cur].MustAsk)
}

// shownNext is the question the top line shows, and ctrl+d ticks: the
// next question, or when time is short the first must-ask one left.
func (s InterviewScreen) shownNext() int {
	if s.mustAskPulled() {
		return s.Interview.MustAskLeft()[0]
	}
	return s.Interview.Current()
}

// nextLine shows the question to ask now, or, when time is short and
// must-ask questions remain, the first of those.
func (s InterviewScreen) nextLine() string {
	st := s.c.Styles
	iv := s.Interview
	cur := s.shownNext()
	switch {
	case iv.Clock.State() == model.Ended:
		return st.Muted.Render(fmt.Sprintf("Asked %d of %d questions. Tab moves through the wrap-up, the notes and the questions.",
			iv.AskedCount(), len(iv.Questions)))
	case s.mustAskPulled():
		label := st.Error.Render(fmt.Sprintf("Must ask (%d left) ▸ ", len(iv.MustAskLeft())))
		return label + common.TruncateCells(safetext.Line(iv.Questions[cur].Text), s.width-common.CellWidth(label))
	case cur >= 0:
		label := st.Accent.Render("Next ▸ ")
		text := safetext.Line(iv.Questions[cur].Text)
		if iv.Questions[cur].MustAsk {
			text = "! " + text
		}
		return label + st.Title.Render(common.TruncateCells(text, s.width-common.CellWidth(label)))
	case s.closingVisible() && iv.ClosingDone() < len(iv.Closing):
		return st.Accent.Render("Close ▸ ") + safetext.Line(iv.Closing[iv.ClosingDone()].Text)
	default:
		return st.Muted.Render("All questions covered.")
	}
}

func (s InterviewScreen) paneHeading(title string, p pane, width int) string {
	st := s.c.Styles
	if s.focus == p {
		title = "▸ " + title
		return common.TruncateCells(st.Focused.Render(title)+" "+st.Rule.Render(strings.Repeat("─", max(width-common.CellWidth(title)-1, 0))), width)
	}
	title = "  " + title
	return common.TruncateCells(st.Blurred.Render(title)+" "+st.Rule.Render(strings.Repeat("─", max(width-common.CellWidth(title)-1, 0))), width)
}

// checklistView draws the questions, scrolled so the cursor's row is on
// screen, and under them the closing steps when they are showing. The
// closing steps keep their place at the bottom while the questions scroll:
// when they appear by themselves, five minutes before the end, they must
// be seen without scrolling.
func (s InterviewScreen) checklistView(rows, width int) string {
	st := s.c.Styles
	iv := s.Interview
	low := model.UrgencyOf(iv.Elapsed(s.now), iv.Budget) >= model.Warning
	cur := s.shownNext()
	var qs []string
	for i, q := range iv.Questions {
		qs = append(qs, s.questionRow(q, i == s.cursor, i == cur, low, width))
	}
	if len(iv.Questions) == 0 {
		qs = append(qs, st.Muted.Render("  No questions. Press a to add one."))
	}
	var closing []string
	if s.closingVisible() {
		closing = append(closing, st.Accent.Render(fmt.Sprintf("  Closing %d/%d", iv.ClosingDone(), len(iv.Closing))))
		for i, q := range iv.Closing {
			closing = append(closing, s.questionRow(q, len(iv.Questions)+i == s.cursor, false, false, width))
		}
	}
	if len(closing) > 0 && rows > len(closing) {
		// The questions get what the closing steps leave.
		qrows := rows - len(closing)
		return strings.Join(append(window(qs, min(s.cursor, len(qs)-1), qrows), closing...), "\n")
	}
	// Too small for both: one list, scrolled to the cursor (the closing
	// heading sits before the closing rows).
	at := s.cursor
	if s.cursor >= len(iv.Questions) {
		at++
	}
	return strings.Join(window(append(qs, closing...), at, rows), "\n")
}

// window is the rows lines of lines that keep line at on screen.
func window(lines []string, at, rows int) []string {
	offset := 0
	if at >= rows {
		offset = at - rows + 1
	}
	end := min(offset+rows, len(lines))
	return lines[min(offset, end):end]
}

func (s InterviewScreen) questionRow(q model.Question, selected, current, low bool, width int) string {
	st := s.c.Styles
	marker := "  "
	if selected && s.focus == paneChecklist {
		marker = "▸ "
	}
	var mark string
	style := lipgloss.NewStyle()
	switch {
	case q.Asked:
		mark = "✓ " + model.FormatClock(q.AskedAt) + " "
		style = st.Done
	case q.Skipped:
		mark = "– skipped "
		style = st.Muted
	case current:
		mark = "→ "
		style = st.Title
	default:
		mark = "○ "
	}
	if q.Starred {
		mark += "★ "
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
	line := st.Accent.Render(label) + common.InputView(st, s.input, w-common.CellWidth(label))
	problem := ""
	if s.inputProblem != "" {
		problem = st.Error.Render(s.inputProblem)
	}
	return line + "\n" + problem
}
