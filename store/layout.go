package store

import (
	"bytes"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// Schema 2 keeps what lists read apart from what only one screen reads, so
// the first screen, the list and the bank's statistics decode no notes:
//
//   - interviews: each interview's header — everything the agenda needs
//     (clock, schedule, wrap-up) without its checklist or notes;
//   - interview-checklists: its questions and closing ritual;
//   - interview-notes: its notes paragraphs;
//   - question-stats: the bank's statistics (questions.Stats) kept as
//     interviews change, so the bank reads a few hundred small records;
//   - interactions: each timeline entry without its text (the agenda reads
//     every entry for its date and kind; a copy of a message can be long);
//   - interaction-texts: that text, under the entry's ID;
//   - contact-interviews, contact-interactions: indexes keyed by contact ID
//     then record ID (both big-endian, so one contact's keys are adjacent),
//     so a contact page and a deletion read only that contact's records.
//
// An interview's header, checklist, notes and statistics are always written
// in one transaction.
var (
	bucketInterviewNotes      = []byte("interview-notes")
	bucketChecklists          = []byte("interview-checklists")
	bucketQuestionStats       = []byte("question-stats")
	bucketInteractionTexts    = []byte("interaction-texts")
	bucketContactInterviews   = []byte("contact-interviews")
	bucketContactInteractions = []byte("contact-interactions")
)

// layout2Buckets are the buckets schema 2 adds.
var layout2Buckets = [][]byte{bucketInterviewNotes, bucketChecklists, bucketQuestionStats, bucketInteractionTexts,
	bucketContactInterviews, bucketContactInteractions}

// indexKey is the key of record id in contactID's index.
func indexKey(contactID, id uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, contactID)
	binary.BigEndian.PutUint64(k[8:], id)
	return k
}

// indexed returns the IDs under contactID in index, in ID order.
func indexed(index *bolt.Bucket, contactID uint64) []uint64 {
	var ids []uint64
	prefix := itob(contactID)
	c := index.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == 16 {
			ids = append(ids, binary.BigEndian.Uint64(k[8:]))
		}
	}
	return ids
}

// putInteraction writes a timeline entry, its text and its index entry,
// and the contact's summary.
func putInteraction(tx *bolt.Tx, it model.Interaction) error {
	if err := putInteractionParts(tx, it); err != nil {
		return err
	}
	return refreshSummary(tx, it.ContactID)
}

// putInteractionParts is putInteraction without the summary, for a caller
// that refreshes it once after several writes.
func putInteractionParts(tx *bolt.Tx, it model.Interaction) error {
	text := it.Text
	it.Text = ""
	if err := put(tx.Bucket(bucketInteractions), it.ID, it); err != nil {
		return err
	}
	if text != "" {
		if err := putRaw(tx, bucketInteractionTexts, itob(it.ID), []byte(text)); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketContactInteractions).Put(indexKey(it.ContactID, it.ID), nil)
}

// readInteraction reads one timeline entry, with its text if withText.
func readInteraction(tx *bolt.Tx, id uint64, withText bool) (model.Interaction, error) {
	var it model.Interaction
	if err := get(tx.Bucket(bucketInteractions), id, &it); err != nil {
		return it, err
	}
	if withText {
		text, err := getRaw(tx, bucketInteractionTexts, itob(id))
		if err != nil {
			return it, err
		}
		it.Text = string(text) // copied: bbolt's slice dies with the transaction
	}
	return it, nil
}

// withTexts fills in the text of each entry of its from tx.
func withTexts(tx *bolt.Tx, its []model.Interaction) error {
	for i := range its {
		text, err := getRaw(tx, bucketInteractionTexts, itob(its[i].ID))
		if err != nil {
			return err
		}
		its[i].Text = string(text)
	}
	return nil
}

// deleteInteraction removes a timeline entry with its text and index entry.
func deleteInteraction(tx *bolt.Tx, it model.Interaction) error {
	if err := tx.Bucket(bucketInteractionTexts).Delete(itob(it.ID)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketContactInteractions).Delete(indexKey(it.ContactID, it.ID)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketInteractions).Delete(itob(it.ID)); err != nil {
		return err
	}
	return refreshSummary(tx, it.ContactID)
}

// deleteContactRecords removes every interview and timeline entry of a
// contact, found through the indexes.
func deleteContactRecords(tx *bolt.Tx, contactID uint64) error {
	for _, id := range indexed(tx.Bucket(bucketContactInterviews), contactID) {
		if err := deleteInterview(tx, contactID, id); err != nil {
			return err
		}
	}
	for _, id := range indexed(tx.Bucket(bucketContactInteractions), contactID) {
		if err := deleteInteraction(tx, model.Interaction{ID: id, ContactID: contactID}); err != nil {
			return err
		}
	}
	return nil
}
