package outbox

import (
	"encoding/base64"
	"errors"
	"strings"
)

// Copying works by writing an OSC 52 escape sequence to the terminal, which
// puts the text on the clipboard of the machine the user sits at. It needs
// no X server or helper program, so it works in a plain terminal and over
// ssh. Its limits, which is why the screens must always offer to print the
// message or save it to a file as well:
//   - The terminal decides. Some ignore OSC 52 or ask the user first, and
//     none tells the program what it did, so "copied" can only ever mean
//     "sent to the terminal".
//   - Terminals cap the sequence; about 100,000 bytes is common (hterm,
//     and others stop earlier). maxClipboardBytes keeps under that.
//   - tmux passes the sequence on only with `set -g allow-passthrough on`
//     (or accepts it itself with `set -g set-clipboard on`), neither of
//     them a default, so inside tmux CopyCmd hands the text to tmux instead
//     (copyThroughTmux); GNU screen passes it on in pieces.

// maxClipboardBytes is the largest text copySequence accepts: its base64
// form is 99,992 bytes, just under the 100,000 bytes that common terminals
// accept. Any interview message is far smaller; the limit is there so a
// paste of a whole notebook fails clearly instead of silently.
const maxClipboardBytes = 74994

// Errors from copySequence. Both mean: offer to print or save instead.
var (
	ErrClipboardTooLarge = errors.New("the message is too long for the terminal's clipboard; save it to a file instead")
	ErrNoClipboard       = errors.New("this terminal cannot reach the clipboard; print the message or save it to a file instead")
)

// screenChunk is how much of the sequence goes in each of GNU screen's
// passthrough pieces; screen drops longer ones.
const screenChunk = 76

// OSC52 is the escape sequence that asks the terminal to put text on the
// system clipboard: ESC ] 52 ; c ; <base64 of text> BEL.
func OSC52(text string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\a"
}

// copySequence is what to write to the terminal to copy text, chosen from
// the environment (pass os.Getenv; tests pass a map's lookup):
//   - inside tmux (TMUX set), OSC 52 wrapped for tmux passthrough,
//     ESC P tmux; <sequence, each ESC doubled> ESC \;
//   - inside GNU screen (STY set, or TERM starting "screen"), OSC 52 split
//     into pieces each wrapped as ESC P <piece> ESC \;
//   - otherwise plain OSC 52.
//
// It fails with ErrClipboardTooLarge past maxClipboardBytes, and with
// ErrNoClipboard on terminals known not to support it (TERM "dumb", or
// "linux" for the Linux console).
func copySequence(text string, getenv func(string) string) (string, error) {
	if len(text) > maxClipboardBytes {
		return "", ErrClipboardTooLarge
	}
	term := getenv("TERM")
	switch {
	case getenv("TMUX") != "":
		return "\x1bPtmux;" + strings.ReplaceAll(OSC52(text), "\x1b", "\x1b\x1b") + "\x1b\\", nil
	case term == "dumb" || term == "linux":
		return "", ErrNoClipboard
	case getenv("STY") != "" || strings.HasPrefix(term, "screen"):
		seq := OSC52(text)
		var b strings.Builder
		for len(seq) > 0 {
			n := min(screenChunk, len(seq))
			b.WriteString("\x1bP" + seq[:n] + "\x1b\\")
			seq = seq[n:]
		}
		return b.String(), nil
	}
	return OSC52(text), nil
}
