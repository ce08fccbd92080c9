package contactpage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/model"
	"parley/store"
	"parley/ui/common"
	"parley/ui/uitest"
)

// TestForgetFromThePageLeavesNoByteOfThem forgets a person from their page,
// in a plain and an encrypted notebook: the question says what goes, yes
// closes the page and says so, and the notebook's file then holds none of
// their text (it is compacted as they are forgotten, while the app runs).
func TestForgetFromThePageLeavesNoByteOfThem(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		name := "plain"
		if encrypted {
			name = "encrypted"
		}
		t.Run(name, func(t *testing.T) {
			d, s, ana, _ := pageWithTimelineAndStore(t, 80, 24)
			if encrypted {
				if err := s.Encrypt([]byte("pw"), store.KDFParams{Time: 1, MemoryKiB: 64, Threads: 1}); err != nil {
					t.Fatal(err)
				}
			}
			gone, marks := markedContact(t, s, ana.ID)
			// An older daily backup that holds them, beside the one the app
			// made at start: the question must list both.
			backup := filepath.Join(store.BackupFolder(s.Path()), "parley-2026-11-21.db")
			if err := os.MkdirAll(filepath.Dir(backup), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(backup, []byte(marks[0]), 0o600); err != nil {
				t.Fatal(err)
			}

			d.Send(common.OpenContactMsg{Contact: gone})
			d.Send(uitest.KeyMsg("F"))
			v := boxText(d.View())
			for _, want := range []string{"Forget " + gone.Name + "?", "1 interview, with every note",
				"2 timeline entries, with every message", `"referred by" of Ana Ruiz (without a trace)`,
				"no byte of them stays in it", "2 copies of the notebook still hold them", "backups/parley-2026-11-21.db",
				"backups/parley-2026-11-22.db",
				"[ ] k: keep their name", "[ ] p: also delete the copies"} {
				if !strings.Contains(v, want) {
					t.Errorf("the question lacks %q:\n%s", want, v)
				}
			}
			keepNames := encrypted // one choice in each notebook
			if keepNames {
				d.Send(uitest.KeyMsg("k"))
				if v := boxText(d.View()); !strings.Contains(v, "[x] k: keep their name") || !strings.Contains(v, "as plain text") {
					t.Errorf("k did not choose to keep the name:\n%s", v)
				}
			} else {
				d.Send(uitest.KeyMsg("p"))
				if v := boxText(d.View()); !strings.Contains(v, "they are deleted too") {
					t.Errorf("p did not choose to delete the copies:\n%s", v)
				}
			}
			d.Send(uitest.KeyMsg("y"))

			for _, msg := range d.Seen {
				if f, ok := msg.(common.Failure); ok && f.Failed() != nil {
					t.Errorf("%T failed: %v", msg, f.Failed())
				}
			}
			if page, ok := d.App.Top().(ContactPage); !ok || page.contact.ID != ana.ID {
				t.Fatalf("the forgotten contact's page should close back to Ana's, top is %T", d.App.Top())
			}
			v = d.View()
			if !strings.Contains(v, "Forgot "+gone.Name) || strings.Contains(v, "no longer in the notebook") {
				t.Errorf("the status line does not say who was forgotten:\n%s", v)
			}
			if _, err := s.Contact(gone.ID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("the contact is still there: %v", err)
			}
			got, err := s.Contact(ana.ID)
			if err != nil || got.ReferredBy != 0 || strings.Contains(got.Notes, "Referred by "+gone.Name) != keepNames {
				t.Errorf("Ana after forgetting (keep names %v): %+v, %v", keepNames, got, err)
			}
			_, statErr := os.Stat(backup)
			if pruned := errors.Is(statErr, os.ErrNotExist); pruned == keepNames {
				t.Errorf("backup deleted = %v, asked %v", pruned, !keepNames)
			}

			raw, err := os.ReadFile(s.Path())
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range marks {
				if keepNames && m == gone.Name {
					continue // kept on purpose, sealed in Ana's notes
				}
				if bytes.Contains(raw, []byte(m)) {
					t.Errorf("the file still holds %q", m)
				}
			}
			if !encrypted && !bytes.Contains(raw, []byte("Ana Ruiz")) {
				t.Error("the plain file lacks Ana's name: the scan proves nothing")
			}
		})
	}
}

// markedContact adds a contact who referred contact referred, with an
// interview and two timeline entries, every text of theirs a marker that
// can only be in the file if that text is; it returns them and the markers.
func markedContact(t *testing.T, s *store.Store, referred uint64) (model.Contact, []string) {
	t.Helper()
	marks := []string{"ZqNameXv", "ZqResearchXv", "ZqNoteXv", "ZqTakeawayXv", "ZqMessageXv", "ZqReplyXv"}
	c, err := s.PutContact(model.Contact{Name: marks[0], Notes: marks[1]})
	if err != nil {
		t.Fatal(err)
	}
	iv := model.NewInterview(c.ID, nil, uitest.HarnessNow)
	iv.Notes = []model.Note{{Text: marks[2]}}
	iv.WrapUp.Takeaways = marks[3]
	if _, err := s.PutInterview(iv); err != nil {
		t.Fatal(err)
	}
	for _, text := range marks[4:] {
		if _, err := s.AddInteraction(model.Interaction{ContactID: c.ID, Kind: model.KindNote, At: uitest.HarnessNow, Text: text}, false); err != nil {
			t.Fatal(err)
		}
	}
	r, err := s.Contact(referred)
	if err != nil {
		t.Fatal(err)
	}
	r.ReferredBy = c.ID
	if _, err := s.PutContact(r); err != nil {
		t.Fatal(err)
	}
	return c, marks
}

// boxText is the text in the box drawn over the screen, its wrapped lines
// joined, so a test can look for a phrase wherever the box broke it.
func boxText(view string) string {
	var parts []string
	for _, line := range strings.Split(view, "\n") {
		first, last := strings.Index(line, "│"), strings.LastIndex(line, "│")
		if first >= 0 && last > first {
			parts = append(parts, line[first+len("│"):last])
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}
