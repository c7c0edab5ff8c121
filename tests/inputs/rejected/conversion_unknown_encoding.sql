-- a conversion to an encoding with no name (the empty string once crashed the deparser)
CREATE CONVERSION latin2_conv FOR 'LATIN2' TO '' FROM latin2_to_mic;
