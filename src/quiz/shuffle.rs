/// The order in which a question's choices are shown in a round, as indices into the deck's
/// choices. It depends only on the round's seed and the question's position, so a reload (or
/// another tab) shows the same order without storing it.
pub fn choice_order(seed: u64, position: usize, choice_count: usize) -> Vec<usize> {
    // Spread consecutive positions over the whole seed space (golden-ratio increment) so that
    // neighbouring questions do not get correlated orders.
    let mixed = seed ^ (position as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut order: Vec<usize> = (0..choice_count).collect();
    fastrand::Rng::with_seed(mixed).shuffle(&mut order);
    order
}

/// The order in which an order question's choices are first shown, for the learner to put
/// right: shuffled as [`choice_order`] does, but never already in the right (deck) order, and
/// never in it with shuffling off (`seed` `None`): then it is reversed.
pub fn order_to_arrange(seed: Option<u64>, position: usize, choice_count: usize) -> Vec<usize> {
    let mut order = match seed {
        Some(seed) => choice_order(seed, position, choice_count),
        None => (0..choice_count).rev().collect(),
    };
    if order
        .iter()
        .enumerate()
        .all(|(index, &choice)| index == choice)
    {
        order.rotate_left(1);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_a_permutation() {
        for seed in 0..200 {
            let mut order = choice_order(seed, 3, 4);
            order.sort_unstable();
            assert_eq!(order, vec![0, 1, 2, 3]);
        }
    }

    #[test]
    fn is_stable_for_a_seed() {
        // Pinned values: if fastrand ever changes its sequence, saved rounds would show their
        // options in a new order after an upgrade, and this test says so.
        assert_eq!(choice_order(42, 0, 4), choice_order(42, 0, 4));
        assert_eq!(choice_order(42, 0, 4), PINNED_42_0);
    }

    #[test]
    fn varies_between_positions_and_seeds() {
        let orders: std::collections::HashSet<Vec<usize>> = (0..50)
            .map(|position| choice_order(7, position, 4))
            .collect();
        assert!(orders.len() > 10, "only {} distinct orders", orders.len());
        let orders: std::collections::HashSet<Vec<usize>> =
            (0..50).map(|seed| choice_order(seed, 0, 4)).collect();
        assert!(orders.len() > 10, "only {} distinct orders", orders.len());
    }

    #[test]
    fn an_order_question_is_never_shown_in_its_right_order() {
        for count in 2..=6 {
            let in_order: Vec<usize> = (0..count).collect();
            for seed in 0..500 {
                let order = order_to_arrange(Some(seed), seed as usize % 9, count);
                assert_ne!(order, in_order, "seed {seed}, {count} choices");
                let mut sorted = order.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, in_order);
            }
            assert_ne!(order_to_arrange(None, 0, count), in_order);
        }
    }

    const PINNED_42_0: [usize; 4] = [1, 2, 3, 0];
}
