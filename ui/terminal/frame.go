package terminal

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// frameDiff returns the bytes that turn shown (the lines on the alternate
// screen now; nil after a clear or resize, when every line is written) into
// frame, and frame's lines. It writes only the lines that changed, each
// after a cursor move to its row, so an unchanged frame costs nothing and a
// typed key rewrites one line. The rules are Bubble Tea's standard
// renderer's (bubbletea v1.3.10, standard_renderer.go flush, MIT): lines
// wider than width are cut, narrower ones erase what was to their right,
// and a frame taller than the screen loses its top lines, which the cursor
// cannot reach.
func frameDiff(shown []string, frame string, width, height int) ([]byte, []string) {
	lines := strings.Split(frame, "\n")
	if height > 0 && len(lines) > height {
		lines = lines[len(lines)-height:]
	}
	var out []byte
	for i, line := range lines {
		if shown != nil && i < len(shown) && shown[i] == line {
			continue
		}
		out = append(out, cursorTo(i)...)
		if width > 0 {
			line = ansi.Truncate(line, width, "")
		}
		out = append(out, line...)
		if width <= 0 || ansi.StringWidth(line) < width {
			out = append(out, ansi.EraseLineRight...)
		}
	}
	if shown == nil || len(lines) < len(shown) {
		// Below the frame: what an earlier, taller frame left, or all of
		// the screen after a clear.
		if height <= 0 || len(lines) < height {
			out = append(out, cursorTo(len(lines))...)
			out = append(out, ansi.EraseScreenBelow...)
		}
	}
	return out, lines
}

// cursorTo moves the cursor to the start of row (counted from 0).
func cursorTo(row int) string {
	if row == 0 {
		return ansi.CursorHomePosition
	}
	return "\x1b[" + strconv.Itoa(row+1) + "H"
}
