package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/questions"
)

// keyBankState holds the user's whole question bank state, saved sets
// included, as one JSON value: it is small (the built-ins are not stored),
// and one value means one write can never leave it half changed.
var keyBankState = []byte("bank")

// QuestionBank returns what the user has done to the question bank: their
// own questions, changes to built-ins, saved sets and the default set. A
// notebook that never touched the bank gives the zero state, which is the
// untouched built-in bank.
func (s *Store) QuestionBank() (questions.UserState, error) {
	var st questions.UserState
	err := s.db.View(func(tx *bolt.Tx) error {
		data := tx.Bucket(bucketQuestions).Get(keyBankState)
		if data == nil {
			return nil
		}
		// Unmarshal copies, so nothing points into bbolt's memory later.
		if err := json.Unmarshal(data, &st); err != nil {
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		return nil
	})
	if err != nil {
		return questions.UserState{}, fmt.Errorf("read the question bank: %w", err)
	}
	return st, nil
}

// PutQuestionBank replaces the user's question bank state in one
// transaction.
func (s *Store) PutQuestionBank(st questions.UserState) error {
	data, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("save the question bank: %w", err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketQuestions).Put(keyBankState, data)
	})
	if err != nil {
		return fmt.Errorf("save the question bank: %w", err)
	}
	return nil
}
