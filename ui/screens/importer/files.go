package importer

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
)

// maxOptions is how many completions are listed under the path field.
const maxOptions = 8

// expandHome turns a leading "~" or "~/" into the home folder, as a shell
// would; "~user" is left alone (it would need the user database).
func expandHome(path string, home func() (string, error)) (string, error) {
	if path != "~" && !strings.HasPrefix(path, "~/") {
		return path, nil
	}
	dir, err := home()
	if err != nil {
		return "", errors.New("cannot tell where your home folder is, so ~ means nothing here; type the whole path")
	}
	return filepath.Join(dir, strings.TrimPrefix(path, "~")), nil
}

// completedMsg is the answer to a tab in the path field.
type completedMsg struct {
	// typed is the field's text the completion was asked for: if the user
	// typed on meanwhile, the answer is dropped.
	typed   string
	value   string
	options []string // names offered when more than one fits
	more    int      // how many more fit than are listed
}

// complete finishes the path typed as far as the folder's entries agree,
// as a shell's tab does: one match is completed whole (a folder with its
// "/"), several to their common start and listed. It reads the folder, so
// it runs as a command.
func complete(typed string) tea.Cmd {
	return func() tea.Msg {
		msg := completedMsg{typed: typed, value: typed}
		dirPart, base := "", typed
		if i := strings.LastIndex(typed, "/"); i >= 0 {
			dirPart, base = typed[:i+1], typed[i+1:]
		} else if typed == "~" {
			msg.value = "~/"
			return msg
		}
		dir := dirPart
		if dir == "" {
			dir = "."
		}
		dir, err := expandHome(dir, os.UserHomeDir)
		if err != nil {
			return msg
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return msg // nothing to offer; the read says why on enter
		}
		var names []string
		for _, e := range entries {
			name := e.Name()
			if !strings.HasPrefix(name, base) || (strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".")) {
				continue
			}
			if isDir(filepath.Join(dir, name), e) {
				name += "/"
			}
			names = append(names, name)
		}
		slices.Sort(names)
		switch len(names) {
		case 0:
			return msg
		case 1:
			msg.value = dirPart + names[0]
			return msg
		}
		msg.value = dirPart + commonPrefix(names)
		msg.options = names[:min(len(names), maxOptions)]
		msg.more = len(names) - len(msg.options)
		return msg
	}
}

// isDir follows a symbolic link, so a link to a folder completes as one.
func isDir(path string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink == 0 {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func commonPrefix(names []string) string {
	first := names[0]
	end := len(first)
	for _, n := range names[1:] {
		end = min(end, len(n))
		for i := 0; i < end; i++ {
			if n[i] != first[i] {
				end = i
				break
			}
		}
	}
	// Back to the start of a character: a completion never splits one.
	for end > 0 && end < len(first) && !utf8.RuneStart(first[end]) {
		end--
	}
	return first[:end]
}
