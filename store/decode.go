package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// decodeBucket decodes every value of b, a bucket keyed by NextSequence,
// in key order, into a slice sized once from the sequence (records are
// only ever deleted, so it is at least their number): half the allocation
// of appending record by record. Decoding on two goroutines was tried and
// measured no faster on a busy two-core machine, so it is not done.
func decodeBucket[T any](b *bolt.Bucket) ([]T, error) {
	out := make([]T, 0, min(b.Sequence(), 1<<20))
	err := b.ForEach(func(_, v []byte) error {
		out = append(out, *new(T))
		if err := json.Unmarshal(v, &out[len(out)-1]); err != nil {
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		return nil
	})
	return out, err
}
