package org.lightbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreTwentyBase62CharactersNeverRepeatedAndUseTheWholeAlphabet() {
        Set<String> ids = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String id = Ids.newId();
            assertThat(id).hasSize(20).matches("[0-9A-Za-z]{20}");
            ids.add(id);
            id.chars().forEach(c -> used.add((char) c));
        }
        assertThat(ids).hasSize(5_000);
        assertThat(used).as("all 62 characters turn up in 100,000 drawn").hasSize(62);
    }
}
