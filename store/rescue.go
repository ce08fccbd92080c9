package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"parley/model"
	"parley/questions"
)

// A rescue file holds the changes the notebook could not take when Parley
// stopped (a full disk, a read-only folder, a notebook gone), so no typed
// text is thrown away. It is written next to the notebook, or in the
// temporary folder when that fails too, readable by the user alone, and
// offered back on the next open. Its shape, version 1:
//
//	{
//	  "format":   "parley-rescue",
//	  "version":  1,
//	  "notebook": "/home/sam/.local/share/parley/parley.db",
//	  "written":  "2026-11-29T21:40:00Z",
//	  "changes": [
//	    {"kind": "interview", "at": "…", "error": "save interview 3: …", "record": {…}},
//	    …
//	  ]
//	}
//
// kind says what record holds, each as the notebook stores it (the same
// fields as `parley export`): "contact" (a contact), "interaction" ({"entry":
// a timeline entry, "advance": whether it moves the contact on}),
// "interview" (an interview with its notes), "schedule" ({"interview",
// "schedule"}), "settings", "template", "profile", "question-bank".
// Changes are in the order Parley tried them; restoring replays them
// through the same writers, so a conflict is reported, never forced.

// RescueFormat names a rescue file's format.
const RescueFormat = "parley-rescue"

// rescuePrefix starts every rescue file's name.
const rescuePrefix = "parley-rescue-"

// maxRescueFile bounds what ReadRescue reads: notes run to megabytes,
// never to hundreds.
const maxRescueFile = 256 << 20

// The kinds of change a rescue file holds.
const (
	RescueContact     = "contact"
	RescueInteraction = "interaction"
	RescueInterview   = "interview"
	RescueSchedule    = "schedule"
	RescueSettings    = "settings"
	RescueTemplate    = "template"
	RescueProfile     = "profile"
	RescueBank        = "question-bank"
)

// RescuedChange is one change the notebook could not take.
type RescuedChange struct {
	Kind   string          `json:"kind"`
	At     time.Time       `json:"at"`
	Error  string          `json:"error"`
	Record json.RawMessage `json:"record"`
}

// Rescue is a rescue file's content.
type Rescue struct {
	Format   string          `json:"format"`
	Version  int             `json:"version"`
	Notebook string          `json:"notebook"`
	Written  time.Time       `json:"written"`
	Changes  []RescuedChange `json:"changes"`
}

type interactionRecord struct {
	Entry   model.Interaction `json:"entry"`
	Advance bool              `json:"advance"`
}

type scheduleRecord struct {
	Interview model.Interview `json:"interview"`
	Schedule  model.Schedule  `json:"schedule"`
}

// keepFailed remembers a change a write could not make, for a rescue file.
func (s *Store) keepFailed(kind string, record any, err error) {
	data, mErr := json.Marshal(record)
	if mErr != nil {
		return
	}
	s.failedMu.Lock()
	defer s.failedMu.Unlock()
	s.failed = append(s.failed, RescuedChange{Kind: kind, At: time.Now().UTC(), Error: err.Error(), Record: data})
}

// ForgetFailedWrites drops the failures remembered so far: the exit flush
// starts afresh, so a failure a later retry made good is not rescued.
func (s *Store) ForgetFailedWrites() {
	s.failedMu.Lock()
	defer s.failedMu.Unlock()
	s.failed = nil
}

// FailedWrites are the changes writes could not make since the last
// ForgetFailedWrites, oldest first.
func (s *Store) FailedWrites() []RescuedChange {
	s.failedMu.Lock()
	defer s.failedMu.Unlock()
	return append([]RescuedChange(nil), s.failed...)
}

// WriteRescue writes changes to a new rescue file beside the notebook at
// notebook, or in the temporary folder if that fails too, and returns its
// path. The file is created, never overwritten, readable by the user alone.
func WriteRescue(notebook string, changes []RescuedChange, now time.Time) (string, error) {
	data, err := json.MarshalIndent(Rescue{Format: RescueFormat, Version: 1, Notebook: notebook,
		Written: now.UTC(), Changes: changes}, "", "  ")
	if err != nil {
		return "", fmt.Errorf("write a rescue file: %w", err)
	}
	name := rescuePrefix + now.UTC().Format("20060102-150405") + ".json"
	var errs []error
	for _, dir := range []string{filepath.Dir(notebook), os.TempDir()} {
		path, err := writeNew(dir, name, data)
		if err == nil {
			return path, nil
		}
		errs = append(errs, err)
	}
	return "", fmt.Errorf("write a rescue file: %w", errors.Join(errs...))
}

// writeNew creates dir/name (or name-2, -3… if taken) with data, 0600.
func writeNew(dir, name string, data []byte) (string, error) {
	base := strings.TrimSuffix(name, ".json")
	for i := 1; i < 100; i++ {
		path := filepath.Join(dir, name)
		if i > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d.json", base, i))
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if err == nil {
			err = f.Sync()
		}
		if cErr := f.Close(); err == nil {
			err = cErr
		}
		if err != nil {
			os.Remove(path)
			return "", err
		}
		return path, nil
	}
	return "", fmt.Errorf("too many rescue files in %s", dir)
}

// FindRescues lists the rescue files for the notebook at notebook: those
// beside it, and those in the temporary folder that name it. Oldest first.
func FindRescues(notebook string) []string {
	var out []string
	mine, _ := filepath.Glob(filepath.Join(filepath.Dir(notebook), rescuePrefix+"*.json"))
	out = append(out, mine...)
	abs, _ := filepath.Abs(notebook)
	elsewhere, _ := filepath.Glob(filepath.Join(os.TempDir(), rescuePrefix+"*.json"))
	for _, f := range elsewhere {
		if slicesContains(out, f) {
			continue
		}
		if r, err := ReadRescue(f); err == nil && (r.Notebook == notebook || r.Notebook == abs) {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// ReadRescue reads a rescue file.
func ReadRescue(path string) (Rescue, error) {
	var r Rescue
	info, err := os.Stat(path)
	if err != nil {
		return r, fmt.Errorf("read rescue file: %w", err)
	}
	if !info.Mode().IsRegular() || info.Size() > maxRescueFile {
		return r, fmt.Errorf("read rescue file %s: not a rescue file", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return r, fmt.Errorf("read rescue file: %w", err)
	}
	if err := json.Unmarshal(data, &r); err != nil || r.Format != RescueFormat {
		return r, fmt.Errorf("read rescue file %s: not a rescue file", path)
	}
	if r.Version != 1 {
		return r, fmt.Errorf("read rescue file %s: version %d is newer than this Parley", path, r.Version)
	}
	return r, nil
}

// Restore replays the changes through the notebook's writers, in order.
// It returns the changes that could not be made, each with why (a
// conflict with a newer copy, a contact since deleted), so they can be
// kept for later.
func (s *Store) Restore(changes []RescuedChange) (restored int, left []RescuedChange) {
	for _, ch := range changes {
		if err := s.restoreOne(ch); err != nil {
			ch.Error = err.Error()
			left = append(left, ch)
			continue
		}
		restored++
	}
	return restored, left
}

func (s *Store) restoreOne(ch RescuedChange) error {
	decode := func(v any) error {
		if err := json.Unmarshal(ch.Record, v); err != nil {
			return fmt.Errorf("a %s that cannot be read: %w", ch.Kind, err)
		}
		return nil
	}
	var err error
	switch ch.Kind {
	case RescueContact:
		var c model.Contact
		if err = decode(&c); err == nil {
			_, err = s.PutContact(c)
		}
	case RescueInteraction:
		var r interactionRecord
		if err = decode(&r); err == nil {
			_, err = s.AddInteraction(r.Entry, r.Advance)
		}
	case RescueInterview:
		var iv model.Interview
		if err = decode(&iv); err == nil {
			_, err = s.PutInterview(iv)
		}
	case RescueSchedule:
		var r scheduleRecord
		if err = decode(&r); err == nil {
			_, err = s.ScheduleInterview(r.Interview, r.Schedule)
		}
	case RescueSettings:
		var st model.Settings
		if err = decode(&st); err == nil {
			err = s.PutSettings(st)
		}
	case RescueTemplate:
		var d model.TemplateDoc
		if err = decode(&d); err == nil {
			_, err = s.PutTemplate(d)
		}
	case RescueProfile:
		var p model.Profile
		if err = decode(&p); err == nil {
			_, err = s.PutProfile(p)
		}
	case RescueBank:
		var st questions.UserState
		if err = decode(&st); err == nil {
			err = s.PutQuestionBank(st)
		}
	default:
		err = fmt.Errorf("a change of an unknown kind %q", ch.Kind)
	}
	return err
}
