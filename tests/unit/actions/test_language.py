from actions.language import foreign_reply


def test_confident_french_spanish_german_get_their_language():
    assert "anglais" in foreign_reply("Bonjour, est-ce que ma commande arrive demain ?")
    assert "inglés" in foreign_reply("Hola, ¿dónde está mi pedido? Lo necesito ya")
    assert "Englisch" in foreign_reply("Guten Tag, mein Paket ist noch nicht angekommen")


def test_short_or_typod_english_is_never_foreign():
    for text in ("wheres my trainres", "hola", "merci beaucoup", "my sofa is late", "purple monkey dishwasher",
                 "qwertyuiop asdf", "cancel ORD-20001 pls", "i want a refnd for my kettle"):
        assert foreign_reply(text) is None, text
