package io.cxhub.simulator.people;

import java.util.List;

/** Given and family names common in each country of the population. */
final class Names {

  private Names() {}

  static List<String> first(Country c) {
    return switch (c) {
      case US -> List.of("James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
          "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
          "Sarah", "Carlos", "Maria", "Daniel", "Karen", "Matthew", "Nancy", "Anthony", "Lisa", "Kevin",
          "Ashley", "Jose", "Emily", "Jamal", "Aaliyah", "Wei", "Priya");
      case GB -> List.of("Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Olivia", "Charlie",
          "Emily", "Thomas", "Sophie", "Alfie", "Grace", "Oscar", "Freya", "Mohammed", "Aisha", "Callum",
          "Niamh", "Rhys", "Siobhan");
      case DE -> List.of("Lukas", "Anna", "Leon", "Lea", "Finn", "Hannah", "Jonas", "Mia", "Paul", "Lena",
          "Felix", "Laura", "Maximilian", "Sophie", "Jürgen", "Ursula", "Mehmet", "Elif", "Stefan", "Katrin");
    };
  }

  static List<String> last(Country c) {
    return switch (c) {
      case US -> List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
          "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore",
          "Jackson", "Martin", "Lee", "Nguyen", "Chen", "Patel", "O'Connor", "Washington", "Kim");
      case GB -> List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas",
          "Roberts", "Walker", "Wright", "Hughes", "Edwards", "Green", "Hall", "Khan", "Murphy", "McDonald",
          "Davies", "Ahmed");
      case DE -> List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
          "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Yılmaz",
          "Zimmermann", "Krüger", "Hartmann");
    };
  }
}
