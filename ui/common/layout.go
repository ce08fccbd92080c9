package common

import (
	"fmt"
	"parley/model"
	"parley/ui/safetext"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// TruncateCells cuts s, which may hold styling, to at most w cells.
func TruncateCells(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// Fit makes a block exactly h lines high, each no wider than w cells, so a
// screen can never push the footer off or wrap in a small terminal.
func Fit(block string, w, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(block, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = fitLine(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// fitLine cuts l to w cells. A line of no more bytes than w needs no
// measuring: no character takes more cells than it has bytes.
func fitLine(l string, w int) string {
	if len(l) <= w || ansi.StringWidth(l) <= w {
		return l
	}
	return ansi.Truncate(l, w, "")
}

// FitKeeper is Fit for a block drawn again and again, the whole frame:
// a line unchanged since the last call keeps its fitted form, so a frame
// in which only the clock changed measures one line, not every line.
type FitKeeper struct {
	w           int
	raw, fitted []string
}

// Fit is Fit(block, w, h), remembering the lines for the next call.
func (k *FitKeeper) Fit(block string, w, h int) string {
	if h <= 0 {
		return ""
	}
	if w != k.w {
		k.w, k.raw, k.fitted = w, k.raw[:0], k.fitted[:0]
	}
	lines := strings.Split(block, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if i < len(k.raw) && k.raw[i] == l {
			lines[i] = k.fitted[i]
			continue
		}
		f := fitLine(l, w)
		if i < len(k.raw) {
			k.raw[i], k.fitted[i] = l, f
		} else {
			k.raw, k.fitted = append(k.raw, l), append(k.fitted, f)
		}
		lines[i] = f
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// CellWidth is the display width of s, styling excluded.
func CellWidth(s string) int {
	// Printable ASCII, most names and labels, is a column a byte; the
	// escape-aware count is for everything else.
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// SubtitleSuffix is " · role, organisation", or nothing when neither is
// known, safe to draw.
func SubtitleSuffix(c model.Contact) string {
	if s := c.Subtitle(); s != "" {
		return " · " + safetext.Line(s)
	}
	return ""
}

// Plural picks the word for a count: plural(1, "day", "days").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// SmallScreenRows is the height below which the list and What's next drop
// their stage counts, which would otherwise leave no room for a single row.
const SmallScreenRows = 12

// WrapWords breaks text into lines of at most w cells at spaces, made safe
// to draw: its callers wrap user text (research notes, messages), and a
// helper every screen shares is the one place that cannot be forgotten.
func WrapWords(s string, w int) []string {
	var out []string
	for _, para := range strings.Split(safetext.Block(s), "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			if line != "" && CellWidth(line)+1+CellWidth(word) > w {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += word
		}
		out = append(out, line)
	}
	return out
}

// PadRight pads plain text s, made safe to draw, to w cells.
func PadRight(s string, w int) string {
	s = safetext.Line(s)
	return s + strings.Repeat(" ", max(w-CellWidth(s), 0))
}

// padStyled pads s, already drawn (its user text made safe, its styles
// escape sequences of our own), to w cells. PadRight would show the styles'
// escapes as text.
func padStyled(s string, w int) string {
	return s + strings.Repeat(" ", max(w-CellWidth(s), 0))
}

// StageCountsView is the count per stage, wrapped to the width, each
// stage in its colour.
func StageCountsView(st *Styles, counts []model.StageCount, width int) string {
	var lines []string
	line, w := "", 0
	for _, sc := range counts {
		piece := fmt.Sprintf("%s %d", sc.Stage, sc.Count)
		pw := CellWidth(piece)
		if w > 0 && w+3+pw > width {
			lines, line, w = append(lines, line), "", 0
		}
		if w > 0 {
			line += st.Muted.Render(" · ")
			w += 3
		}
		line += st.StageStyle(sc.Stage).Render(piece)
		w += pw
	}
	return strings.Join(append(lines, line), "\n")
}

// DateTimeLayout is how dates are typed in forms: unambiguous in every
// locale, and sortable.
const DateTimeLayout = "2006-01-02 15:04"

// Cycle returns the item after (or before, for delta -1) cur in list.
func Cycle[T comparable](list []T, cur T, delta int) T {
	for i, v := range list {
		if v == cur {
			return list[(i+delta+len(list))%len(list)]
		}
	}
	return list[0]
}

func IndexOf[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// StepText says a contact's next step: what, and when if it has a date,
// a time today on the hours clock. An overdue one carries a "!" so it
// stands out without colour too.
func StepText(s model.Step, now time.Time, hours model.HourCycle) string {
	if s.Kind == model.StepNone {
		return ""
	}
	text := s.Kind.String()
	if !s.Due.IsZero() {
		text += " " + DayLabel(s.Due, now)
		if s.Kind == model.StepInterview && model.DaysBetween(now, s.Due, now.Location()) == 0 {
			text += " " + hours.TimeOfDay(s.Due.In(now.Location()))
		}
	}
	if s.Overdue {
		text = "! " + text
	}
	return text
}

// Overlay is a screen drawn over the one below it, such as a question, so
// the user still sees what it is about: the root draws the screen below and
// puts OverlayBox in its middle.
type Overlay interface {
	OverlayBox(width, height int) string
}

// PlaceOver puts box in the middle of base, a block of w x h cells: the
// lines of base beside and around the box stay as they were.
func PlaceOver(base, box string, w, h int) string {
	lines := strings.Split(Fit(base, w, h), "\n")
	boxLines := strings.Split(box, "\n")
	bw := 0
	for _, l := range boxLines {
		bw = max(bw, CellWidth(l))
	}
	bw = min(bw, w)
	top, left := max((h-len(boxLines))/2, 0), max((w-bw)/2, 0)
	for i, bl := range boxLines {
		y := top + i
		if y >= len(lines) {
			break
		}
		under := padStyled(lines[y], w)
		beside := ansi.Truncate(under, left, "")
		if strings.Contains(beside, "\x1b[") {
			beside += "\x1b[0m" // a style cut mid-span must not colour the box
		}
		// A wide character across either edge of the box is dropped
		// whole; a space takes its column so the box's borders line up.
		beside += strings.Repeat(" ", max(left-CellWidth(beside), 0))
		after, cut := "", left+bw
		for rest := w - left - bw; cut < w; cut++ {
			// TruncateLeft keeps a wide character it cuts through.
			if after = ansi.TruncateLeft(under, cut, ""); CellWidth(after) <= rest {
				break
			}
		}
		if CellWidth(after) > w-left-bw {
			after = ""
		}
		after = strings.Repeat(" ", max(w-left-bw-CellWidth(after), 0)) + after
		lines[y] = beside + padStyled(TruncateCells(bl, bw), bw) + after
	}
	return strings.Join(lines, "\n")
}
