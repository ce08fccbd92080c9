package ui

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parley/store"
)

// waitFor polls cond until it holds, failing the test after a generous
// deadline: the condition is what is waited on, not the time.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A signal while $EDITOR is open stops the editor, keeps what it had
// saved, writes it to the notebook and quits; the editor's folder goes.
func TestSignalDuringEditorSavesAndCleansUp(t *testing.T) {
	cases := []struct {
		name string
		sig  syscall.Signal
		// trap is shell code run first: an editor that ignores the
		// signal is killed after a grace period.
		trap string
	}{
		{"SIGTERM", syscall.SIGTERM, ""},
		{"SIGHUP", syscall.SIGHUP, ""},
		{"SIGTERM ignored by the editor", syscall.SIGTERM, "trap '' TERM HUP\n"},
	}
	for _, tc := range cases {
		sig := tc.sig
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tmp := filepath.Join(dir, "tmp")
			if err := os.Mkdir(tmp, 0o700); err != nil {
				t.Fatal(err)
			}
			t.Setenv("TMPDIR", tmp)
			started := filepath.Join(dir, "editor-started")
			editor := filepath.Join(dir, "editor.sh")
			// The editor saves a paragraph, says it is running, and waits
			// to be stopped.
			script := "#!/bin/sh\n" + tc.trap + "printf '\\nWritten in the editor\\n' >> \"$1\"\n: > " + started + "\nexec sleep 60\n"
			if err := os.WriteFile(editor, []byte(script), 0o700); err != nil {
				t.Fatal(err)
			}
			t.Setenv("VISUAL", "")
			t.Setenv("EDITOR", editor)

			s, err := store.Open(filepath.Join(dir, "parley.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			_, iv := anaWithInterview(t, s)
			in, keys, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer keys.Close()
			defer in.Close()
			out, err := os.Create(filepath.Join(dir, "terminal"))
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			shown := func(text string) func() bool {
				return func() bool { b, _ := os.ReadFile(out.Name()); return strings.Contains(string(b), text) }
			}
			done := make(chan error, 1)
			go func() { done <- Run(s, Options{NoColor: true, Input: in, Output: out, Width: 80, Height: 24}) }()
			keys.Write([]byte("c"))
			waitFor(t, "the contact list", shown("Contacts · 1"))
			keys.Write([]byte("\r"))
			waitFor(t, "the contact page", shown("Timeline"))
			keys.Write([]byte("\r"))
			waitFor(t, "the interview", shown("budget"))
			keys.Write([]byte{0x07}) // ctrl+g: the notes in $EDITOR
			waitFor(t, "the editor", func() bool { _, err := os.Stat(started); return err == nil })
			if err := syscall.Kill(os.Getpid(), sig); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run = %v", err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the program did not stop")
			}
			got, err := s.Interview(iv.ID)
			if err != nil {
				t.Fatal(err)
			}
			var texts []string
			for _, n := range got.Notes {
				texts = append(texts, n.Text)
			}
			if !strings.Contains(strings.Join(texts, "|"), "Written in the editor") {
				t.Errorf("notes = %q, want what the editor saved", texts)
			}
			if left, _ := filepath.Glob(filepath.Join(tmp, "parley-*")); len(left) != 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}
