// Package questionrow draws a question of the bank as one list row.
package questionrow

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"parley/questions"
)

// ScrollTo returns the first visible row so that cursor stays within rows
// lines of a list of n, moving the view as little as possible.
func ScrollTo(offset, cursor, rows, n int) int {
	rows = max(rows, 1)
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+rows {
		offset = cursor - rows + 1
	}
	return max(min(offset, n-rows), 0)
}

// statText is a question's record across interviews, as the bank shows it:
// "asked 3× · ★1", or "" for a question never planned, so an empty
// notebook's bank is not a wall of zeros.
func statText(s questions.Stat) string {
	if s.Planned == 0 && s.Asked == 0 && s.Starred == 0 {
		return ""
	}
	out := fmt.Sprintf("asked %d×", s.Asked)
	if s.Starred > 0 {
		out += fmt.Sprintf(" · ★%d", s.Starred)
	}
	return out
}

// kindShort is a kind in four letters, for a narrow column.
func kindShort(k questions.Kind) string {
	if k == questions.Reflective {
		return "refl"
	}
	return "prac"
}

// QuestionRow draws one bank question on one line of width cells: the
// selection marker, a mark (such as "✓" for a question already in the
// plan), theme and kind when there is room, the text cut to fit, and the
// statistics at the right.
func QuestionRow(st *common.Styles, q questions.Question, stat questions.Stat, mark string, width int, selected bool) string {
	marker := "  "
	if selected {
		marker = "▸ "
	}
	left := marker + common.PadRight(mark, 2)
	if width >= 72 { // below that the text needs the room more
		left += common.PadRight(string(q.Theme), 10) + common.PadRight(kindShort(q.Kind), 5)
	}
	right := statText(stat)
	if right != "" {
		right = " " + right
	}
	textW := max(width-common.CellWidth(left)-common.CellWidth(right), 1)
	text := common.TruncateCells(safetext.Line(q.Text), textW)
	line := left + text
	if right != "" {
		line = left + common.PadRight(text, textW) + right
	}
	if selected {
		return st.Selected.Render(common.TruncateCells(line, width))
	}
	return common.TruncateCells(line, width)
}

// HintsView draws Check's hints for a question being typed, wrapped to
// width; nothing when the question reads well. They are advice: saving
// never waits on them.
func HintsView(st *common.Styles, text string, width int) string {
	var lines []string
	for _, h := range questions.Check(text) {
		w := lipgloss.NewStyle().Width(max(width-2, 10)).Render(h.Message)
		lines = append(lines, st.Accent.Render("※ ")+strings.ReplaceAll(w, "\n", "\n  "))
	}
	return strings.Join(lines, "\n")
}
