package org.webrtcprimer.notebooks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks on outputs that need no kernel: the outputs below have the shape rapaio gave
 * lesson 12 (a cell ending in {@code System.out.printf(...)} shows the PrintStream as text/html).
 */
class ChecksTest {
    private static JsonObject notebook(String result) {
        return JsonParser.parseString("""
                {"metadata": {}, "cells": [
                 {"cell_type": "code", "execution_count": 6, "metadata": {}, "source": ["System.out.printf(\\"%d%n\\", 1);"],
                  "outputs": [
                   {"name": "stdout", "output_type": "stream", "text": ["1\\n"]},
                   {"data": %s, "execution_count": 6, "metadata": {}, "output_type": "execute_result"}]}]}
                """.replace("%s", result)).getAsJsonObject();
    }

    @Test
    void aCellShowingAnObjectWithoutToStringFails() {
        List<String> f = Checks.check("12.ipynb", notebook("{\"text/html\": [\"java.io.PrintStream@11a0f1d9\"]}")).failures();
        assertEquals(1, f.size(), String.join("\n", f));
        assertTrue(f.get(0).startsWith("12.ipynb, cell 1 (In [6]) shows java.io.PrintStream@11a0f1d9 — the value of its last expression"), f.get(0));
        assertTrue(f.get(0).contains("System.out.printf(\"%d%n\", 1);"), f.get(0));
        assertEquals(1, Checks.check("12.ipynb", notebook("{\"text/plain\": [\"java.lang.Object@1b\"]}")).failures().size());
    }

    @Test
    void valuesWithATextOfTheirOwnPass() {
        for (String ok : List.of("{\"text/html\": [\"42\"]}", "{\"text/plain\": [\"a@b.example\"]}",
                "{\"text/plain\": [\"Offer[type=offer, 12 lines]\"]}", "{\"text/html\": [\"<b>pc1@1</b> java.io.PrintStream@1\"]}")) {
            assertEquals(List.of(), Checks.check("12.ipynb", notebook(ok)).failures(), ok);
        }
    }
}
