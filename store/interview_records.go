package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"

	bolt "go.etcd.io/bbolt"

	"parley/model"
	"parley/questions"
)

// interviewHeader is what the interviews bucket keeps: the interview
// without its checklist and notes, and the questions that have a starred
// note under them (all the statistics need from the notes).
type interviewHeader struct {
	model.Interview
	// These shadow the embedded fields, so a header never carries them.
	Questions []model.Question `json:"questions,omitempty"`
	Closing   []model.Question `json:"closing,omitempty"`
	Notes     []model.Note     `json:"notes,omitempty"`
	// StarredUnder lists, once each, the question IDs with a starred note.
	StarredUnder []int `json:"starred_under,omitempty"`
}

// checklist is what the interview-checklists bucket keeps.
type checklist struct {
	Questions []model.Question `json:"questions,omitempty"`
	Closing   []model.Question `json:"closing,omitempty"`
}

func headerOf(iv model.Interview) interviewHeader {
	h := interviewHeader{Interview: iv}
	h.Interview.Questions, h.Interview.Closing, h.Interview.Notes = nil, nil, nil
	h.StarredUnder = starredUnder(iv.Notes)
	return h
}

func starredUnder(notes []model.Note) []int {
	var out []int
	seen := map[int]bool{}
	for _, n := range notes {
		if n.Starred && n.QuestionID != 0 && !seen[n.QuestionID] {
			seen[n.QuestionID] = true
			out = append(out, n.QuestionID)
		}
	}
	return out
}

// putInterview writes iv — header, checklist, notes, index entry and its
// share of the statistics — in tx. What a header read leaves out is kept as
// stored: a nil Notes keeps the stored notes, and a nil Questions with a nil
// Closing keeps the stored checklist, so a header saved back wipes nothing.
func putInterview(tx *bolt.Tx, iv model.Interview) error {
	movedFrom, err := putInterviewParts(tx, iv)
	if err != nil {
		return err
	}
	if movedFrom != 0 {
		if err := refreshSummary(tx, movedFrom); err != nil {
			return err
		}
	}
	return refreshSummary(tx, iv.ContactID)
}

// putInterviewParts is putInterview without the contact's summary, for a
// caller that refreshes it once after several writes; movedFrom is the
// contact the interview belonged to before, if another.
func putInterviewParts(tx *bolt.Tx, iv model.Interview) (movedFrom uint64, err error) {
	h := headerOf(iv)
	var before interviewHeader
	if err := get(tx.Bucket(bucketInterviews), iv.ID, &before); err != nil && err != ErrNotFound {
		return 0, damagedAt(fmt.Sprintf("interview %d", iv.ID), err)
	}
	var oldList checklist
	if err := get(tx.Bucket(bucketChecklists), iv.ID, &oldList); err != nil && err != ErrNotFound {
		return 0, damagedAt(fmt.Sprintf("checklist of interview %d", iv.ID), err)
	}
	newList := checklist{Questions: iv.Questions, Closing: iv.Closing}
	if iv.Questions == nil && iv.Closing == nil {
		newList = oldList
	} else if err := put(tx.Bucket(bucketChecklists), iv.ID, newList); err != nil {
		return 0, err
	}
	if iv.Notes == nil {
		h.StarredUnder = before.StarredUnder
	} else if err := put(tx.Bucket(bucketInterviewNotes), iv.ID, iv.Notes); err != nil {
		return 0, err
	}
	if err := put(tx.Bucket(bucketInterviews), iv.ID, h); err != nil {
		return 0, err
	}
	index := tx.Bucket(bucketContactInterviews)
	if before.ContactID != 0 && before.ContactID != iv.ContactID {
		if err := index.Delete(indexKey(before.ContactID, iv.ID)); err != nil {
			return 0, err
		}
	}
	if err := index.Put(indexKey(iv.ContactID, iv.ID), nil); err != nil {
		return 0, err
	}
	if err := adjustStats(tx, statsOf(oldList, before.StarredUnder), statsOf(newList, h.StarredUnder)); err != nil {
		return 0, err
	}
	if before.ContactID != 0 && before.ContactID != iv.ContactID {
		movedFrom = before.ContactID
	}
	return movedFrom, nil
}

// deleteInterview removes an interview's records and its share of the
// statistics.
func deleteInterview(tx *bolt.Tx, contactID, id uint64) error {
	var h interviewHeader
	if err := get(tx.Bucket(bucketInterviews), id, &h); err != nil && err != ErrNotFound {
		return damagedAt(fmt.Sprintf("interview %d", id), err)
	}
	var list checklist
	if err := get(tx.Bucket(bucketChecklists), id, &list); err != nil && err != ErrNotFound {
		return damagedAt(fmt.Sprintf("checklist of interview %d", id), err)
	}
	if err := adjustStats(tx, statsOf(list, h.StarredUnder), nil); err != nil {
		return err
	}
	for _, b := range [][]byte{bucketInterviews, bucketChecklists, bucketInterviewNotes} {
		if err := tx.Bucket(b).Delete(itob(id)); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bucketContactInterviews).Delete(indexKey(contactID, id)); err != nil {
		return err
	}
	return refreshSummary(tx, contactID)
}

// statsOf is one interview's share of questions.Stats, from its checklist
// and the questions with a starred note under them.
func statsOf(list checklist, starred []int) map[string]questions.Stat {
	iv := model.Interview{Questions: list.Questions}
	for _, q := range starred {
		iv.Notes = append(iv.Notes, model.Note{QuestionID: q, Starred: true})
	}
	return questions.Stats([]model.Interview{iv})
}

// adjustStats replaces one interview's share of the kept statistics.
func adjustStats(tx *bolt.Tx, before, after map[string]questions.Stat) error {
	if maps.Equal(before, after) {
		return nil
	}
	b := tx.Bucket(bucketQuestionStats)
	keys := map[string]questions.Stat{}
	maps.Copy(keys, before)
	maps.Copy(keys, after)
	for k := range keys {
		var cur questions.Stat
		data, err := getRaw(tx, bucketQuestionStats, []byte(k))
		if err != nil {
			return err
		}
		if data != nil {
			if err := json.Unmarshal(data, &cur); err != nil {
				return damagedAt(fmt.Sprintf("statistics of %q", k), err)
			}
		}
		was, is := before[k], after[k]
		cur.Planned += is.Planned - was.Planned
		cur.Asked += is.Asked - was.Asked
		cur.Starred += is.Starred - was.Starred
		if cur == (questions.Stat{}) {
			if err := b.Delete([]byte(k)); err != nil {
				return err
			}
			continue
		}
		data, err = json.Marshal(cur)
		if err != nil {
			return err
		}
		if err := putRaw(tx, bucketQuestionStats, []byte(k), data); err != nil {
			return err
		}
	}
	return nil
}

// readInterview reads interview id whole.
func readInterview(tx *bolt.Tx, id uint64) (model.Interview, error) {
	h, err := readInterviewHeader(tx, id)
	if err != nil {
		return model.Interview{}, err
	}
	return whole(tx, h, true)
}

// readInterviewHeader reads interview id's header.
func readInterviewHeader(tx *bolt.Tx, id uint64) (interviewHeader, error) {
	var h interviewHeader
	err := get(tx.Bucket(bucketInterviews), id, &h)
	return h, err
}

// whole is the interview h heads, with its checklist and, if withNotes,
// its notes read from tx.
func whole(tx *bolt.Tx, h interviewHeader, withNotes bool) (model.Interview, error) {
	iv := h.Interview
	var list checklist
	if err := get(tx.Bucket(bucketChecklists), iv.ID, &list); err != nil && err != ErrNotFound {
		return iv, damagedAt(fmt.Sprintf("checklist of interview %d", iv.ID), err)
	}
	iv.Questions, iv.Closing = list.Questions, list.Closing
	if !withNotes {
		return iv, nil
	}
	if err := get(tx.Bucket(bucketInterviewNotes), iv.ID, &iv.Notes); err != nil && err != ErrNotFound {
		return iv, damagedAt(fmt.Sprintf("notes of interview %d", iv.ID), err)
	}
	return iv, nil
}

// readStats reads the kept statistics.
func readStats(tx *bolt.Tx) (map[string]questions.Stat, error) {
	out := map[string]questions.Stat{}
	opener := openerOf(tx, bucketQuestionStats)
	err := tx.Bucket(bucketQuestionStats).ForEach(func(k, data []byte) error {
		data, err := opener.open(k, data)
		if err != nil {
			return err
		}
		var st questions.Stat
		if err := json.Unmarshal(data, &st); err != nil {
			return damagedAt(fmt.Sprintf("statistics of %q", k), err)
		}
		out[string(k)] = st
		return nil
	})
	return out, err
}

// verifyInterviewParts reads every interview's checklist and notes and the
// kept statistics, for Verify.
func verifyInterviewParts(tx *bolt.Tx) error {
	if err := forEach(tx.Bucket(bucketChecklists), func(checklist) error { return nil }); err != nil {
		return err
	}
	if err := forEach(tx.Bucket(bucketInterviewNotes), func([]model.Note) error { return nil }); err != nil {
		return err
	}
	_, err := readStats(tx)
	return err
}

// damagedAt names where a damaged record was found, saying "damaged" once
// even when err already does.
func damagedAt(what string, err error) error {
	if errors.Is(err, ErrDamaged) {
		return fmt.Errorf("%s: %w", what, err)
	}
	return fmt.Errorf("%w: %s: %v", ErrDamaged, what, err)
}
